package dk.skp.staff.repository;

import dk.skp.staff.vocabulary.Priority;

/**
 * Criteria for listing concerns; null means "any".
 *
 * @param district  compared without regard to case
 * @param claimable only concerns a contact person may take: TRIAGED and assigned to nobody
 * @param openOnly  only concerns whose work has not ended (a contact person's own list: see ConcernAccess)
 */
public record ConcernFilter(ConcernStatus status, String reference, String assignedTo, Priority priority,
        String district, boolean claimable, boolean openOnly) {

    public ConcernFilter(ConcernStatus status, String reference, String assignedTo, Priority priority, String district,
            boolean claimable) {
        this(status, reference, assignedTo, priority, district, claimable, false);
    }

    public static ConcernFilter any() {
        return new ConcernFilter(null, null, null, null, null, false);
    }

    public ConcernFilter assignedTo(String subject) {
        return new ConcernFilter(status, reference, subject, priority, district, claimable, openOnly);
    }

    public ConcernFilter withOpenOnly() {
        return new ConcernFilter(status, reference, assignedTo, priority, district, claimable, true);
    }
}
