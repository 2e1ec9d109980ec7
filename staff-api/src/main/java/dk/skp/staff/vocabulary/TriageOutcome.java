package dk.skp.staff.vocabulary;

import dk.skp.model.vocabulary.Labelled;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What triage decides: SKP takes the concern on, or it ends here (redirected, a duplicate, outside the target group). */
@Schema(description = "ACCEPTED: SKP takes the concern on; REDIRECTED: passed to another service (say which); DUPLICATE: "
        + "repeats another concern (say which; the two are linked); OUTSIDE_TARGET_GROUP: not for SKP.")
public enum TriageOutcome implements Labelled {
    ACCEPTED,
    REDIRECTED,
    DUPLICATE,
    OUTSIDE_TARGET_GROUP
}
