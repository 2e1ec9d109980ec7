package dk.skp.staff.repository;

import dk.skp.model.vocabulary.PublicStatus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Where a concern is in the team's work, and the coarse status a reporter may see for it. Which moves lead from
 * one status to another is {@link dk.skp.staff.core.Lifecycle}'s table.
 */
@Schema(description = "Where the concern is in the team's work. RECEIVED: from intake, not yet triaged; TRIAGED: taken "
        + "on, waiting for a contact person; ASSIGNED: a contact person holds it; IN_CONTACT: contact is established; "
        + "CLOSED: the work ended (see closing); REDIRECTED, DUPLICATE, OUTSIDE_TARGET_GROUP: triage ended it early; "
        + "REOPENED: taken up again, to be triaged. Reporters see RECEIVED, IN_PROGRESS or CLOSED.")
public enum ConcernStatus {
    RECEIVED(PublicStatus.RECEIVED),
    TRIAGED(PublicStatus.IN_PROGRESS),
    ASSIGNED(PublicStatus.IN_PROGRESS),
    IN_CONTACT(PublicStatus.IN_PROGRESS),
    CLOSED(PublicStatus.CLOSED),
    REDIRECTED(PublicStatus.CLOSED),
    DUPLICATE(PublicStatus.CLOSED),
    OUTSIDE_TARGET_GROUP(PublicStatus.CLOSED),
    REOPENED(PublicStatus.IN_PROGRESS);

    private final PublicStatus publicStatus;

    ConcernStatus(PublicStatus publicStatus) {
        this.publicStatus = publicStatus;
    }

    /** What a reporter who asked for status updates may learn: deliberately no more than these three codes. */
    public PublicStatus publicStatus() {
        return publicStatus;
    }

    /** The team's work with the concern has ended, for whatever reason; it only counts again when reopened. */
    public boolean ended() {
        return publicStatus == PublicStatus.CLOSED;
    }
}
