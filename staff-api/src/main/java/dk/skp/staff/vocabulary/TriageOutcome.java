package dk.skp.staff.vocabulary;

import dk.skp.model.vocabulary.Labelled;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What triage decides: SKP takes the concern on, or it ends here (redirected, a duplicate, outside the target group). */
@Schema(description = "ACCEPTED: SKP takes the concern on; REDIRECTED: passed to another service (say which); DUPLICATE: "
        + "repeats another concern (say which; the two are linked); OUTSIDE_TARGET_GROUP: not for SKP.")
public enum TriageOutcome implements Labelled {
    ACCEPTED("Modtaget i SKP", "Taken on by SKP"),
    REDIRECTED("Henvist til et andet tilbud", "Redirected to another service"),
    DUPLICATE("Dublet af en anden henvendelse", "Duplicate of another concern"),
    OUTSIDE_TARGET_GROUP("Uden for målgruppen", "Outside the target group");

    private final String labelDa;
    private final String labelEn;

    TriageOutcome(String labelDa, String labelEn) {
        this.labelDa = labelDa;
        this.labelEn = labelEn;
    }

    @Override
    public String labelDa() {
        return labelDa;
    }

    @Override
    public String labelEn() {
        return labelEn;
    }
}
