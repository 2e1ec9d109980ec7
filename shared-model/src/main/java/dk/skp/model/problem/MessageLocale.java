package dk.skp.model.problem;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.Priority;
import jakarta.inject.Singleton;
import java.util.Locale;
import org.hibernate.validator.spi.messageinterpolation.LocaleResolver;
import org.hibernate.validator.spi.messageinterpolation.LocaleResolverContext;

/**
 * The language of Bean Validation's messages, from the request's Accept-Language by {@link Languages}, ahead of
 * Quarkus' own resolver: that one parses the header with {@code Locale.LanguageRange.parse}, which throws on a
 * header such as {@code -} or {@code en;q=1.5}, and the request then ended in a 500 instead of its 400 or 422.
 */
@Singleton
@Priority(Integer.MAX_VALUE)
public class MessageLocale implements LocaleResolver {

    private final CurrentVertxRequest request;

    public MessageLocale(CurrentVertxRequest request) {
        this.request = request;
    }

    @Override
    public Locale resolve(LocaleResolverContext context) {
        RoutingContext current;
        try {
            current = request.getCurrent();
        } catch (RuntimeException noRequest) {
            return null;
        }
        return current == null ? null : Languages.fromHeader(current.request().getHeader("Accept-Language"));
    }
}
