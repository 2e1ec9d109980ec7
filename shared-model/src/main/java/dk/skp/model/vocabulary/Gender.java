package dk.skp.model.vocabulary;

/** The person's gender as the reporter perceives it. */
public enum Gender implements Labelled {
    FEMALE,
    MALE,
    OTHER,
    UNKNOWN
}
