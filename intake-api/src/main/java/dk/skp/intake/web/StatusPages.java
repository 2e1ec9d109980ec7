package dk.skp.intake.web;

import io.quarkus.qute.TemplateData;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** What the status pages show: the look-up form, the status with the team's question, and the answer's receipt. */
public final class StatusPages {

    private static final ZoneId DANISH_TIME = ZoneId.of("Europe/Copenhagen");

    private StatusPages() {
    }

    /** The look-up form, empty or as typed, with its errors. */
    @TemplateData
    public record LookupPage(String lang, String reference, String referenceError, String passcodeError,
            List<ErrorLink> errors, Banner banner) {

        public boolean hasErrors() {
            return !errors.isEmpty();
        }
    }

    /**
     * The status, and the team's question with a form to answer it. The reference and passcode travel in the answer
     * form (there is no session): the page is never cached.
     */
    @TemplateData
    public record StatusPage(String lang, String reference, String passcode, String status, String statusLabel,
            Question question, String answer, String answerError, List<ErrorLink> errors, Banner banner) {

        public boolean hasErrors() {
            return !errors.isEmpty();
        }
    }

    @TemplateData
    public record Question(String id, String text, String askedAt, String askedAtText) {
    }

    @TemplateData
    public record AnswerSentPage(String lang, String reference, String answeredAt, String answeredAtText) {
    }

    public static String inWords(Instant at, Texts t) {
        return DateTimeFormatter.ofPattern(t.get("receivedAtPattern"), t.locale()).withZone(DANISH_TIME).format(at);
    }
}
