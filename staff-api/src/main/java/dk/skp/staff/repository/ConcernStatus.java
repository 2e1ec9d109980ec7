package dk.skp.staff.repository;

/** Where a concern is in the team's work. Later states arrive with triage and assignment. */
public enum ConcernStatus {
    RECEIVED
}
