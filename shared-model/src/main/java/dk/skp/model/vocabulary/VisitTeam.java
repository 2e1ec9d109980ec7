package dk.skp.model.vocabulary;

/** Whether a visit is made alone or by at least two staff together. */
public enum VisitTeam implements Labelled {
    ALONE("Alene", "Alone"),
    PAIR("To eller flere", "Two or more");

    private final String labelDa;
    private final String labelEn;

    VisitTeam(String labelDa, String labelEn) {
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
