package dk.skp.staff.vocabulary;

import dk.skp.model.vocabulary.Labelled;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Whether a visit is made alone or by at least two staff together. */
@Schema(description = "ALONE: one staff member may go; PAIR: at least two go together.")
public enum VisitTeam implements Labelled {
    ALONE("Alene", "Alone"),
    PAIR("To eller flere", "Two or more");

    private final String labelDa;
    private final String labelEn;

    VisitTeam(String labelDa, String labelEn) {
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
