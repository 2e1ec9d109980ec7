package dk.skp.model.vocabulary;

/** How soon the reporter thinks the team should act. Acute danger is not SKP's: call 112. */
public enum Urgency implements Labelled {
    NORMAL,
    SOON,
    URGENT
}
