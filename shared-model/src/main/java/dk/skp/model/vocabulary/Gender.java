package dk.skp.model.vocabulary;

/** The person's gender as the reporter perceives it. */
public enum Gender implements Labelled {
    FEMALE("Kvinde", "Woman"),
    MALE("Mand", "Man"),
    OTHER("Andet", "Other"),
    UNKNOWN("Ved ikke", "Unknown");

    private final String labelDa;
    private final String labelEn;

    Gender(String labelDa, String labelEn) {
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
