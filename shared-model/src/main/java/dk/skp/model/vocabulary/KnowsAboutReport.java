package dk.skp.model.vocabulary;

/** Whether the person knows that the concern is raised. */
public enum KnowsAboutReport implements Labelled {
    YES,
    NO,
    UNKNOWN
}
