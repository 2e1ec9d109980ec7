package dk.skp.intake.rest;

import dk.skp.intake.repository.ReporterQuestionRepository.OpenQuestion;
import dk.skp.intake.service.StatusService;
import dk.skp.intake.service.StatusService.StatusView;
import dk.skp.intake.web.Banner;
import dk.skp.intake.web.ErrorLink;
import dk.skp.intake.web.StatusPages;
import dk.skp.intake.web.StatusPages.AnswerSentPage;
import dk.skp.intake.web.StatusPages.LookupPage;
import dk.skp.intake.web.StatusPages.Question;
import dk.skp.intake.web.StatusPages.StatusPage;
import dk.skp.intake.web.FormBody;
import dk.skp.intake.web.Texts;
import dk.skp.model.problem.FieldError;
import dk.skp.model.problem.Languages;
import dk.skp.model.problem.ProblemException;
import dk.skp.model.problem.ProblemType;
import dk.skp.model.reference.ReferenceNumber;
import dk.skp.model.vocabulary.PublicStatus;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The status page of the web form, in plain HTML that needs no JavaScript: the reporter types the reference and the
 * passcode, sees the coarse status and the team's open question, and answers it once. It goes through the same
 * {@link StatusService} as the JSON API, so the passcode is checked and counted the same way. No session: the answer
 * form carries the reference and passcode back, on a page no cache keeps. A cross-site post would need the passcode,
 * which is the one thing it cannot have.
 */
@Path("/")
public class StatusPageResource {

    private static final String HTML = MediaType.TEXT_HTML + ";charset=UTF-8";
    private static final CacheControl NO_STORE = CacheControl.valueOf("no-store");

    @Inject
    @Location("status-lookup.html")
    Template lookupTemplate;
    @Inject
    @Location("status.html")
    Template statusTemplate;
    @Inject
    @Location("answer-sent.html")
    Template answerSentTemplate;

    private final StatusService statuses;

    public StatusPageResource(StatusService statuses) {
        this.statuses = statuses;
    }

    @GET
    @Path("status")
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Response lookupForm(@QueryParam("lang") String lang) {
        Texts t = Texts.of(Languages.of(lang));
        return html(200, lookup(t, "", null, null, null), t);
    }

    /**
     * A reload of the address the answer posts to: back to the look-up. (A sibling of /status, not below it: the pages
     * link their assets and each other relatively, as the form does, so that they work under any path prefix.)
     */
    @GET
    @Path("answer")
    @Operation(hidden = true)
    public Response reloadedAnswer(@QueryParam("lang") String lang) {
        return Response.seeOther(URI.create("en".equals(lang) ? "/status?lang=en" : "/status")).build();
    }

    @POST
    @Path("status")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Response lookUp(byte[] body, @Context HttpServerRequest request) {
        // Read by FormBody, which takes any bytes: the framework's form reader throws on a broken escape.
        MultivaluedMap<String, String> posted = FormBody.parse(body);
        Texts t = Texts.of(Languages.of(posted.getFirst("language")));
        String reference = value(posted, "reference");
        String passcode = value(posted, "passcode");
        if (reference.isEmpty() || passcode.isEmpty()) {
            String required = ProblemType.message(t.locale(), "field.required");
            return html(422, lookup(t, reference, reference.isEmpty() ? required : null,
                    passcode.isEmpty() ? required : null, null), t);
        }
        StatusView view;
        try {
            view = statuses.lookup(reference, passcode, ConcernResource.clientAddress(request));
        } catch (ProblemException e) {
            return lookupFailed(e, reference, t);
        }
        // Found, so the reference is well formed: shown and sent on as the receipt wrote it, however it was typed.
        return html(200, status(t, ReferenceNumber.normalise(reference), passcode, view.status(), question(view.question(), t),
                "", null, null), t);
    }

    @POST
    @Path("answer")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Response answer(byte[] body, @Context HttpServerRequest request) {
        // Read by FormBody, which takes any bytes: the framework's form reader throws on a broken escape.
        MultivaluedMap<String, String> posted = FormBody.parse(body);
        Locale locale = Languages.of(posted.getFirst("language"));
        Texts t = Texts.of(locale);
        String reference = value(posted, "reference");
        String passcode = value(posted, "passcode");
        String answer = posted.getFirst("answer") == null ? "" : posted.getFirst("answer");
        // What the page showed comes back with the answer, so that it can be shown again without another look-up.
        PublicStatus shownStatus = status(posted.getFirst("status"));
        Question shown = new Question(value(posted, "questionId"), value(posted, "questionText"),
                value(posted, "questionAskedAt"), value(posted, "questionAskedAtText"));
        Instant answeredAt;
        try {
            answeredAt = statuses.answer(reference, passcode, new StatusService.Answer(shown.id(), answer), locale,
                    ConcernResource.clientAddress(request));
        } catch (ProblemException e) {
            return switch (e.type()) {
                case INVALID_FIELDS -> {
                    String error = e.errors().stream().filter(f -> f.field().equals("answer")).map(FieldError::message)
                            .map(key -> ProblemType.message(locale, key)).findFirst()
                            .orElse(ProblemType.message(locale, "field.malformed"));
                    yield html(422, status(t, reference, passcode, shownStatus, shown, answer, error, null), t);
                }
                case CONFLICT -> html(409, status(t, reference, passcode, shownStatus, null, "", null,
                        new Banner("refused", t.get("statusAnsweredTitle"), t.get("statusAnsweredText"))), t);
                case TOO_MANY_REQUESTS -> withRetryAfter(html(429, status(t, reference, passcode, shownStatus, shown, answer,
                        null, new Banner("unavailable", t.get("statusTooManyTitle"), t.get("statusAnswerTooManyText"))), t), e, 60);
                case SERVICE_UNAVAILABLE -> withRetryAfter(html(503, status(t, reference, passcode, shownStatus, shown,
                        answer, null, new Banner("unavailable", t.get("statusAnswerUnavailableTitle"),
                                t.get("statusAnswerUnavailableText"))), t), e, 30);
                default -> lookupFailed(e, reference, t);
            };
        }
        AnswerSentPage page = new AnswerSentPage(t.locale().getLanguage(), ReferenceNumber.normalise(reference),
                answeredAt.toString(), StatusPages.inWords(answeredAt, t));
        return html(200, answerSentTemplate.data("page", page).data("t", t), t);
    }

    /** Not found (or locked, or no such question), too many, unavailable: the look-up again, with why. */
    private Response lookupFailed(ProblemException e, String reference, Texts t) {
        return switch (e.type()) {
            case TOO_MANY_REQUESTS -> withRetryAfter(html(429, lookup(t, reference, null, null,
                    new Banner("unavailable", t.get("statusTooManyTitle"), t.get("statusTooManyText"))), t), e, 60);
            case SERVICE_UNAVAILABLE -> withRetryAfter(html(503, lookup(t, reference, null, null,
                    new Banner("unavailable", t.get("statusUnavailableTitle"), t.get("statusUnavailableText"))), t), e, 30);
            case NOT_FOUND, UNAUTHORIZED -> html(404, lookup(t, reference, null, null,
                    new Banner("refused", t.get("statusNotFoundTitle"), t.get("statusNotFoundText"))), t);
            default -> throw e;
        };
    }

    private TemplateInstance lookup(Texts t, String reference, String referenceError, String passcodeError, Banner banner) {
        List<ErrorLink> errors = new ArrayList<>();
        if (referenceError != null) {
            errors.add(new ErrorLink("status-reference", t.get("statusReference") + ": " + referenceError));
        }
        if (passcodeError != null) {
            errors.add(new ErrorLink("status-passcode", t.get("statusPasscode") + ": " + passcodeError));
        }
        return lookupTemplate.data("page", new LookupPage(t.locale().getLanguage(), reference, referenceError,
                passcodeError, errors, banner)).data("t", t);
    }

    private TemplateInstance status(Texts t, String reference, String passcode, PublicStatus status, Question question,
            String answer, String answerError, Banner banner) {
        List<ErrorLink> errors = answerError == null ? List.of()
                : List.of(new ErrorLink("status-answer", t.get("statusAnswerLabel") + ": " + answerError));
        StatusPage page = new StatusPage(t.locale().getLanguage(), reference, passcode,
                status == null ? null : status.name(), status == null ? null : status.label(t.locale()),
                question == null || question.id().isEmpty() ? null : question, answer, answerError, errors, banner);
        return statusTemplate.data("page", page).data("t", t);
    }

    private static Question question(OpenQuestion open, Texts t) {
        return open == null ? null
                : new Question(open.id().toString(), open.question(), open.askedAt().toString(),
                        StatusPages.inWords(open.askedAt(), t));
    }

    private static PublicStatus status(String code) {
        try {
            return code == null ? null : PublicStatus.valueOf(code);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String value(MultivaluedMap<String, String> posted, String name) {
        String value = posted.getFirst(name);
        return value == null ? "" : value.strip();
    }

    private static Response withRetryAfter(Response response, ProblemException e, long fallbackSeconds) {
        long seconds = e.retryAfter() == null ? fallbackSeconds : Math.max(1, e.retryAfter().toSeconds());
        return Response.fromResponse(response).header(HttpHeaders.RETRY_AFTER, seconds).build();
    }

    private static Response html(int status, TemplateInstance page, Texts t) {
        return Response.status(status).type(HTML).cacheControl(NO_STORE)
                .header(HttpHeaders.CONTENT_LANGUAGE, t.locale().getLanguage()).entity(page.render()).build();
    }
}
