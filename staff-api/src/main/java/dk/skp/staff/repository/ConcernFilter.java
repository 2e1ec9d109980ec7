package dk.skp.staff.repository;

import dk.skp.staff.vocabulary.Priority;

/**
 * Criteria for listing concerns; null means "any".
 *
 * @param district  compared without regard to case
 * @param claimable only concerns a contact person may take: TRIAGED and assigned to nobody
 */
public record ConcernFilter(ConcernStatus status, String reference, String assignedTo, Priority priority,
        String district, boolean claimable) {

    public static ConcernFilter any() {
        return new ConcernFilter(null, null, null, null, null, false);
    }

    public ConcernFilter assignedTo(String subject) {
        return new ConcernFilter(status, reference, subject, priority, district, claimable);
    }
}
