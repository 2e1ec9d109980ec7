package dk.skp.model.vocabulary;

/** How often the person is at the given address or place. */
public enum Regularity implements Labelled {
    DAILY,
    MOST_DAYS,
    WEEKLY,
    OCCASIONALLY,
    UNKNOWN
}
