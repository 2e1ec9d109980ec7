package dk.skp.model.vocabulary;

/** How the team tried to reach the person. */
public enum AttemptChannel implements Labelled {
    HOME_VISIT("Hjemmebesøg", "Home visit"),
    PHONE("Telefon", "Phone"),
    LETTER("Brev", "Letter"),
    STREET("Opsøgende på gaden", "Street outreach"),
    VIA_PARTNER("Via samarbejdspartner", "Via a partner");

    private final String labelDa;
    private final String labelEn;

    AttemptChannel(String labelDa, String labelEn) {
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
