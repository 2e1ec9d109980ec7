package dk.skp.model.vocabulary;

/** How much the reporter tells about themself: ANONYMOUS carries no contact data; CONFIDENTIAL contact data is only for the team's follow-up and never passed on. */
public enum Anonymity implements Labelled {
    ANONYMOUS("Anonym", "Anonymous"),
    CONFIDENTIAL("Fortrolig", "Confidential"),
    NAMED("Med navn", "Named");

    private final String labelDa;
    private final String labelEn;

    Anonymity(String labelDa, String labelEn) {
        this.labelDa = labelDa;
        this.labelEn = labelEn;
    }

    @Override
    public String labelDa() {
        return labelDa;
    }

    @Override
    public String labelEn() {
        return labelEn;
    }
}
