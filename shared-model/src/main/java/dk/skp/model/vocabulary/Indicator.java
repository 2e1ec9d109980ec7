package dk.skp.model.vocabulary;

/** What the reporter has observed. */
public enum Indicator implements Labelled {
    SOCIAL_ISOLATION,
    NEGLECTED_HOME,
    SELF_NEGLECT,
    HOARDING,
    CONFUSED_OR_PSYCHOTIC,
    SUBSTANCE_USE,
    HOMELESS,
    EVICTION_RISK,
    CONFLICT_WITH_NEIGHBOURS,
    MISSED_APPOINTMENTS,
    REPEATED_EMERGENCY_VISITS,
    OTHER
}
