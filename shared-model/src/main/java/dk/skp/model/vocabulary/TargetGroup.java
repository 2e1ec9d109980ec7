package dk.skp.model.vocabulary;

/** The groups § 99 of the Social Services Act names, used when the team triages a concern. */
public enum TargetGroup implements Labelled {
    MENTAL_ILLNESS,
    SUBSTANCE_ABUSE,
    HOMELESSNESS,
    OTHER_SOCIAL_PROBLEMS
}
