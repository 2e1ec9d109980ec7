package dk.skp.model.vocabulary;

/** How a concern reached the municipality. */
public enum Channel implements Labelled {
    WEB_FORM("Kommunens webformular", "Municipal web form"),
    PARTNER_API("Samarbejdspartners system", "Partner system");

    private final String labelDa;
    private final String labelEn;

    Channel(String labelDa, String labelEn) {
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
