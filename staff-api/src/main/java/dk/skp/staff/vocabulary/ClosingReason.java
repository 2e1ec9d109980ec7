package dk.skp.staff.vocabulary;

import dk.skp.model.vocabulary.Labelled;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Why the team's work with a concern ended. */
@Schema(description = "HANDED_OVER: to a lasting service (say which); DECLINED: the citizen declined; NOT_FOUND: not found "
        + "despite recorded attempts; MOVED: moved away; DECEASED: died; OTHER: say why in the note.")
public enum ClosingReason implements Labelled {
    HANDED_OVER,
    DECLINED,
    NOT_FOUND,
    MOVED,
    DECEASED,
    OTHER
}
