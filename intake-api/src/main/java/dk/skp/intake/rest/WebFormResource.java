package dk.skp.intake.rest;

import dk.skp.intake.protection.SpamGuard;
import dk.skp.intake.service.Receipt;
import dk.skp.intake.service.ServiceNotices;
import dk.skp.intake.service.Submission;
import dk.skp.intake.service.SubmissionService;
import dk.skp.intake.web.ConcernForm;
import dk.skp.intake.web.FormValidation;
import dk.skp.intake.web.Pages;
import dk.skp.intake.web.FormBody;
import dk.skp.intake.web.Texts;
import dk.skp.intake.web.Banner;
import dk.skp.intake.web.PlainPage;
import dk.skp.model.concern.ConcernReport;
import dk.skp.model.problem.Languages;
import dk.skp.model.problem.ProblemException;
import dk.skp.model.problem.ProblemType;
import dk.skp.model.reference.ReferenceNumber;
import dk.skp.model.vocabulary.AgeBand;
import dk.skp.model.vocabulary.Channel;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.http.HttpServerRequest;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
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
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The reference web form at {@code /}: plain HTML that works without JavaScript (post, validate on the server, show
 * the receipt or the form again with every error) and gets better with it (hints, proof of work). Thin on purpose:
 * the form maps to the v1 concern, is validated like the JSON API and goes through the same {@link SubmissionService}.
 */
@Path("/")
public class WebFormResource {

    private static final String HTML = MediaType.TEXT_HTML + ";charset=UTF-8";
    private static final CacheControl NO_STORE = CacheControl.valueOf("no-store");

    @Inject
    @Location("form.html")
    Template formTemplate;
    @Inject
    @Location("receipt.html")
    Template receiptTemplate;
    @Inject
    @Location("child-welfare.html")
    Template childWelfareTemplate;

    private final SubmissionService submissions;
    private final SpamGuard guard;
    private final FormValidation validation;
    private final ServiceNotices notices;
    private final Clock clock;
    private final MeterRegistry metrics;

    public WebFormResource(SubmissionService submissions, SpamGuard guard, FormValidation validation, ServiceNotices notices,
            Clock clock, MeterRegistry metrics) {
        this.submissions = submissions;
        this.guard = guard;
        this.validation = validation;
        this.notices = notices;
        this.clock = clock;
        this.metrics = metrics;
    }

    /** Danish unless the reader chose English with the switch (?lang=en). */
    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Response form(@QueryParam("lang") String lang) {
        Texts t = Texts.of(Languages.of(lang));
        return html(200, form(ConcernForm.empty(), Map.of(), null, t), t);
    }

    /** A reload of the address the form posts to: back to the form. */
    @GET
    @Path("form")
    @Operation(hidden = true)
    public Response reloadedForm(@QueryParam("lang") String lang) {
        return Response.seeOther(URI.create("en".equals(lang) ? "/?lang=en" : "/")).build();
    }

    @POST
    @Path("form")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Response submit(byte[] body, @Context HttpServerRequest request) {
        // Read by FormBody, which takes any bytes: the framework's form reader throws on a broken escape.
        MultivaluedMap<String, String> posted = FormBody.parse(body);
        Locale locale = Languages.of(first(posted, "language"));
        Texts t = Texts.of(locale);
        ConcernForm form = ConcernForm.of(posted, locale.getLanguage());
        ConcernReport report = form.report();

        // A script filled in the field no person sees: let it believe it worked, and keep nothing.
        if (guard.honeypotFilled(first(posted, "website"))) {
            Receipt pretended = new Receipt(ReferenceNumber.next(), clock.instant(),
                    notices.afterSubmission(report.acuteDanger(), false, locale), null, List.of(), report.acuteDanger(), locale,
                    false);
            return html(200, receiptTemplate.data("page", Pages.receipt(pretended, t)).data("t", t), t);
        }
        // Children are not SKP's: tell the reporter where to turn instead, and send nothing on.
        if (report.person().ageBand() == AgeBand.UNDER_18) {
            metrics.counter("skp.intake.form.under18").increment();
            return html(200, childWelfareTemplate.data("page", new PlainPage(locale.getLanguage())).data("t", t), t);
        }
        Map<String, String> errors = validation.validate(form, t);
        if (!errors.isEmpty()) {
            return html(422, form(form, errors, null, t), t);
        }
        try {
            guard.verifyFormSubmission(first(posted, "altcha"), first(posted, "formToken"));
        } catch (ProblemException e) {
            return failed(e, form, t);
        }
        Receipt receipt;
        try {
            receipt = submissions.submit(new Submission(report, Channel.WEB_FORM, null, locale, null,
                    ConcernResource.clientAddress(request)));
        } catch (ProblemException e) {
            return failed(e, form, t);
        }
        return html(200, receiptTemplate.data("page", Pages.receipt(receipt, t)).data("t", t), t);
    }

    /** The form again with everything the reporter wrote, so that nothing is lost: refused (403), too many (429) or unavailable (503). */
    private Response failed(ProblemException e, ConcernForm form, Texts t) {
        if (e.type() == ProblemType.HUMAN_CHECK_FAILED) {
            String reason = switch (String.valueOf(e.detailKey())) {
                case "formToken.tooSoon" -> "refusedTooSoon";
                // Most likely a reload of the receipt: say it arrived, so that it is not sent twice.
                case "formToken.reused", "proof.reused" -> "refusedReused";
                default -> "refusedOther";
            };
            return html(403, form(form, Map.of(), new Banner("refused", t.get(reason + "Title"), t.get(reason)), t), t);
        }
        if (e.type() == ProblemType.TOO_MANY_REQUESTS) {
            Response response = html(429, form(form, Map.of(),
                    new Banner("unavailable", t.get("tooManyTitle"), t.get("tooManyText")), t), t);
            return Response.fromResponse(response)
                    .header(HttpHeaders.RETRY_AFTER, Math.max(1, e.retryAfter() == null ? 60 : e.retryAfter().toSeconds())).build();
        }
        if (e.type() == ProblemType.SERVICE_UNAVAILABLE) {
            Duration retryAfter = e.retryAfter() != null ? e.retryAfter() : Duration.ofSeconds(30);
            Response response = html(503, form(form, Map.of(),
                    new Banner("unavailable", t.get("unavailableTitle"), t.get("unavailableText")), t), t);
            return Response.fromResponse(response).header(HttpHeaders.RETRY_AFTER, Math.max(1, retryAfter.toSeconds())).build();
        }
        if (e.type() == ProblemType.OUTSIDE_AREA) {
            Map<String, String> errors = new LinkedHashMap<>();
            e.errors().forEach(error -> errors.put(error.field(), ProblemType.message(t.locale(), error.message())));
            return html(422, form(form, errors, new Banner("refused", e.type().title(t.locale()),
                    ProblemType.message(t.locale(), e.detailKey())), t), t);
        }
        throw e;
    }

    private TemplateInstance form(ConcernForm form, Map<String, String> errors, Banner banner, Texts t) {
        return formTemplate.data("page", Pages.form(form, errors, banner, guard.issueFormToken(), t)).data("t", t);
    }

    private static Response html(int status, TemplateInstance page, Texts t) {
        return Response.status(status).type(HTML).cacheControl(NO_STORE)
                .header(HttpHeaders.CONTENT_LANGUAGE, t.locale().getLanguage()).entity(page.render()).build();
    }

    private static String first(MultivaluedMap<String, String> posted, String name) {
        return posted.getFirst(name);
    }
}
