package dk.skp.staff.vocabulary;

import dk.skp.model.vocabulary.Labelled;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Why the team's work with a concern ended. */
@Schema(description = "HANDED_OVER: to a lasting service (say which); DECLINED: the citizen declined; NOT_FOUND: not found "
        + "despite recorded attempts; MOVED: moved away; DECEASED: died; OTHER: say why in the note.")
public enum ClosingReason implements Labelled {
    HANDED_OVER("Overdraget til et varigt tilbud", "Handed over to a lasting service"),
    DECLINED("Borgeren takkede nej", "Declined by the citizen"),
    NOT_FOUND("Ikke fundet trods forsøg", "Not found despite attempts"),
    MOVED("Fraflyttet", "Moved away"),
    DECEASED("Afgået ved døden", "Deceased"),
    OTHER("Andet", "Other");

    private final String labelDa;
    private final String labelEn;

    ClosingReason(String labelDa, String labelEn) {
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
