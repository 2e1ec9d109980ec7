package dk.skp.model.vocabulary;

/** How much the reporter tells about themself: ANONYMOUS carries no contact data; CONFIDENTIAL contact data is only for the team's follow-up and never passed on. */
public enum Anonymity implements Labelled {
    ANONYMOUS,
    CONFIDENTIAL,
    NAMED
}
