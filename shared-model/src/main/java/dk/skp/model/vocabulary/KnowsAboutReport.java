package dk.skp.model.vocabulary;

/** Whether the person knows that the concern is raised. */
public enum KnowsAboutReport implements Labelled {
    YES("Ja", "Yes"),
    NO("Nej", "No"),
    UNKNOWN("Ved ikke", "Unknown");

    private final String labelDa;
    private final String labelEn;

    KnowsAboutReport(String labelDa, String labelEn) {
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
