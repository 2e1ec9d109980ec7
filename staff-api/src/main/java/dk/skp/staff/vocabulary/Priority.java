package dk.skp.staff.vocabulary;

import dk.skp.model.vocabulary.Labelled;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How soon the team acts on a concern, set at triage. The reporter's urgency is a wish; this is the team's decision. */
@Schema(description = "The team's priority, set at triage. HIGH: go out first; NORMAL: in the usual order; LOW: when time "
        + "allows.")
public enum Priority implements Labelled {
    HIGH,
    NORMAL,
    LOW
}
