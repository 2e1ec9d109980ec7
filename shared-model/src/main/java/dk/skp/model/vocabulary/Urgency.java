package dk.skp.model.vocabulary;

/** How soon the reporter thinks the team should act. Acute danger is not SKP's: call 112. */
public enum Urgency implements Labelled {
    NORMAL("Almindelig", "Normal"),
    SOON("Snarest", "Soon"),
    URGENT("Haster", "Urgent");

    private final String labelDa;
    private final String labelEn;

    Urgency(String labelDa, String labelEn) {
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
