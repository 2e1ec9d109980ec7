package dk.skp.staff.repository;

/** Criteria for listing concerns; null means "any". */
public record ConcernFilter(ConcernStatus status, String reference, String assignedTo) {
}
