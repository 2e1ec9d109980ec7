package dk.skp.model.vocabulary;

/** How often the person is at the given address or place. */
public enum Regularity implements Labelled {
    DAILY("Dagligt", "Daily"),
    MOST_DAYS("De fleste dage", "Most days"),
    WEEKLY("Ugentligt", "Weekly"),
    OCCASIONALLY("En gang imellem", "Occasionally"),
    UNKNOWN("Ved ikke", "Unknown");

    private final String labelDa;
    private final String labelEn;

    Regularity(String labelDa, String labelEn) {
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
