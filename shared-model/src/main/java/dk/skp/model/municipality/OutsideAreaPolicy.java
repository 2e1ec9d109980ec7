package dk.skp.model.municipality;

/** What happens to a concern whose postcode the municipality does not serve. */
public enum OutsideAreaPolicy {
    /** Refused with a 422 that tells the reporter to turn to the municipality where the person lives; nothing is queued. */
    REFUSE,
    /**
     * Accepted, the reporter is told it may belong elsewhere, and staff see a warning: postcodes do not follow
     * municipal borders, so a person at the edge of the area is better handled by a person than by a rule.
     */
    WARN
}
