package dk.skp.staff.vocabulary;

import dk.skp.model.vocabulary.Labelled;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Whether a visit is made alone or by at least two staff together. */
@Schema(description = "ALONE: one staff member may go; PAIR: at least two go together.")
public enum VisitTeam implements Labelled {
    ALONE,
    PAIR
}
