package dk.skp.intake.service;

import dk.skp.model.concern.ConcernReport;
import dk.skp.model.concern.Observations;
import dk.skp.model.concern.Person;
import dk.skp.model.concern.Reporter;
import dk.skp.model.concern.Whereabouts;
import dk.skp.model.municipality.MunicipalityProfile;
import dk.skp.model.problem.FieldError;
import dk.skp.model.problem.ProblemException;
import dk.skp.model.problem.ProblemType;
import dk.skp.model.vocabulary.AgeBand;
import dk.skp.model.vocabulary.Anonymity;
import dk.skp.model.vocabulary.ReporterRole;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The rules a concern must meet beyond the shape of its fields, the same whichever client sends it, and the one
 * change intake makes to it: CPR numbers are removed before anything is stored (SKP keeps no CPR).
 */
@ApplicationScoped
public class ConcernRules {

    /** DDMMYY-SSSS with a plausible day and month, with or without the dash; not part of a longer number. */
    private static final Pattern CPR = Pattern.compile(
            "(?<![0-9])(0[1-9]|[12][0-9]|3[01])(0[1-9]|1[0-2])[0-9]{2}[- ]?[0-9]{4}(?![0-9])");
    static final String CPR_REPLACEMENT = "[CPR-nr. fjernet]";

    /** Where the municipality's profile says notifications about children go (underretning), or null. */
    private final String childWelfareRoute;

    public ConcernRules(MunicipalityProfile profile) {
        this.childWelfareRoute = profile.childWelfare().route();
    }

    /** A report that passed the rules, ready to be stored. */
    public record Checked(ConcernReport report, List<String> redactedFields) {
    }

    /**
     * @param partnerDefaultRole the partner's role when a partner system sends it, else null
     * @throws ProblemException 422 naming every field that breaks a rule, or the child-welfare answer
     */
    public Checked check(ConcernReport report, ReporterRole partnerDefaultRole) {
        if (report.person().ageBand() == AgeBand.UNDER_18) {
            String detail = childWelfareRoute == null ? null : "CHILD_WELFARE.route|" + childWelfareRoute;
            throw new ProblemException(ProblemType.CHILD_WELFARE, detail,
                    List.of(new FieldError("person.ageBand", "CHILD_WELFARE.title")), null, null);
        }
        Reporter reporter = withPartnerDefaults(report.reporter(), partnerDefaultRole);
        List<FieldError> errors = new ArrayList<>();
        checkReporter(reporter, partnerDefaultRole != null, errors);
        checkFindable(report.whereabouts(), errors);
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.INVALID_FIELDS, null, errors, null, null);
        }
        return redactCpr(new ConcernReport(reporter, report.person(), report.whereabouts(), report.observations(),
                report.urgency(), report.acuteDanger(), report.language()));
    }

    private static Reporter withPartnerDefaults(Reporter r, ReporterRole partnerDefaultRole) {
        if (partnerDefaultRole == null) {
            return r;
        }
        return new Reporter(r.role() != null ? r.role() : partnerDefaultRole,
                r.anonymity() != null ? r.anonymity() : Anonymity.NAMED, r.name(), r.organisation(), r.phone(), r.email(),
                r.wantsStatusUpdates());
    }

    private static void checkReporter(Reporter r, boolean partner, List<FieldError> errors) {
        if (r.role() == null) {
            errors.add(new FieldError("reporter.role", "field.required"));
        }
        if (r.anonymity() == null) {
            errors.add(new FieldError("reporter.anonymity", "field.required"));
            return;
        }
        if (partner && r.anonymity() != Anonymity.NAMED) {
            errors.add(new FieldError("reporter.anonymity", "rule.partner.named"));
        }
        switch (r.anonymity()) {
            case ANONYMOUS -> {
                for (String[] field : new String[][] { { "name", r.name() }, { "organisation", r.organisation() },
                        { "phone", r.phone() }, { "email", r.email() } }) {
                    if (present(field[1])) {
                        errors.add(new FieldError("reporter." + field[0], "rule.anonymous.noContact"));
                    }
                }
            }
            case CONFIDENTIAL, NAMED -> {
                if (!present(r.phone()) && !present(r.email())) {
                    errors.add(new FieldError("reporter.email", "rule.contact.required"));
                }
                if (r.anonymity() == Anonymity.NAMED && !present(r.name())) {
                    errors.add(new FieldError("reporter.name", "rule.named.name"));
                }
            }
        }
    }

    private static void checkFindable(Whereabouts w, List<FieldError> errors) {
        if (!present(w.address()) && !present(w.placeDescription())) {
            errors.add(new FieldError("whereabouts.address", "rule.findable"));
        } else if (!present(w.address()) && !present(w.usualTimes())) {
            // A place without an address is only useful with a time: the bench is empty most of the day.
            errors.add(new FieldError("whereabouts.usualTimes", "rule.findable.when"));
        }
    }

    private static Checked redactCpr(ConcernReport r) {
        List<String> redacted = new ArrayList<>();
        Reporter rep = r.reporter();
        Person p = r.person();
        Whereabouts w = r.whereabouts();
        Observations o = r.observations();
        Reporter reporter = new Reporter(rep.role(), rep.anonymity(), redact("reporter.name", rep.name(), redacted),
                redact("reporter.organisation", rep.organisation(), redacted), rep.phone(), rep.email(),
                rep.wantsStatusUpdates());
        Person person = new Person(redact("person.name", p.name(), redacted), p.ageBand(), p.gender(),
                redact("person.appearance", p.appearance(), redacted), p.language(), p.knowsAboutReport());
        Whereabouts whereabouts = new Whereabouts(redact("whereabouts.address", w.address(), redacted), w.postcode(),
                redact("whereabouts.placeDescription", w.placeDescription(), redacted),
                redact("whereabouts.usualTimes", w.usualTimes(), redacted), w.regularity());
        Observations observations = new Observations(o.indicators(),
                redact("observations.description", o.description(), redacted),
                redact("observations.safetyNotes", o.safetyNotes(), redacted));
        return new Checked(new ConcernReport(reporter, person, whereabouts, observations, r.urgency(), r.acuteDanger(),
                r.language()), List.copyOf(redacted));
    }

    private static String redact(String field, String text, List<String> redacted) {
        if (text == null) {
            return null;
        }
        String cleaned = CPR.matcher(text).replaceAll(CPR_REPLACEMENT);
        if (!cleaned.equals(text)) {
            redacted.add(field);
        }
        return cleaned;
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
