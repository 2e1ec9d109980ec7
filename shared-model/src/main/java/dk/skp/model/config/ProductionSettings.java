package dk.skp.model.config;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The settings a service must not start without in production, and the development defaults it must not start with.
 * A service's {@code @ConfigMapping} implements this and carries {@link Checked}: the check is part of the config's
 * validation, so a production start without them stops before anything else (the database migration, the first
 * request) with one message that names every environment variable to set. bin/run's profile {@code local} and the
 * tests' profile turn it off ({@code skp.production.development-defaults=true}), because there the defaults are the point.
 */
public interface ProductionSettings {

    /** true only in the profiles local (bin/run) and test. */
    boolean developmentDefaults();

    /** Every setting to check, with the environment variable that sets it. */
    List<Required> required();

    /**
     * @param env                 the environment variable an operator sets
     * @param value               its value, if any
     * @param developmentDefaults values that are known to everyone who has read this repository
     * @param https               the value is a URL that must use TLS (an identity provider's issuer)
     */
    record Required(String env, Optional<String> value, List<String> developmentDefaults, boolean https) {

        public static Required secret(String env, Optional<String> value, String... developmentDefaults) {
            return new Required(env, value, List.of(developmentDefaults), false);
        }

        public static Required httpsUrl(String env, Optional<String> value) {
            return new Required(env, value, List.of(), true);
        }

        Optional<String> problem() {
            String v = value.map(String::strip).orElse("");
            if (v.isEmpty()) {
                return Optional.of(env + " is not set");
            }
            if (developmentDefaults.contains(v)) {
                return Optional.of(env + " is the development default from the repository; set a secret of your own");
            }
            if (https && !v.startsWith("https://")) {
                return Optional.of(env + " must be an https:// URL");
            }
            return Optional.empty();
        }
    }

    /** What is wrong, one line per setting; empty when the service may start. */
    default List<String> problems() {
        if (developmentDefaults()) {
            return List.of();
        }
        List<String> problems = new ArrayList<>();
        for (Required r : required()) {
            r.problem().ifPresent(problems::add);
        }
        return problems;
    }

    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @Constraint(validatedBy = Check.class)
    @interface Checked {
        String message() default "not ready for production";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    class Check implements ConstraintValidator<Checked, ProductionSettings> {
        @Override
        public boolean isValid(ProductionSettings settings, ConstraintValidatorContext context) {
            List<String> problems = settings.problems();
            if (problems.isEmpty()) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            // The message is a template: no expression language, and braces in it are not ours.
            context.buildConstraintViolationWithTemplate(("refusing to start in production: "
                    + String.join("; ", problems) + ". (For local development, bin/run starts the services with "
                    + "QUARKUS_PROFILE=local; see README, \"Running it in production\".)")
                    .replace("{", "\\{").replace("$", "\\$")).addConstraintViolation();
            return false;
        }
    }
}
