package dk.skp.model.vocabulary;

/** Who raises the concern. */
public enum ReporterRole implements Labelled {
    NEIGHBOUR("Nabo", "Neighbour"),
    RELATIVE("Pårørende", "Relative"),
    FRIEND("Ven", "Friend"),
    HOUSING_ASSOCIATION("Boligforening", "Housing association"),
    LANDLORD("Udlejer", "Landlord"),
    SHOPKEEPER("Butiksindehaver", "Shopkeeper"),
    POLICE("Politi", "Police"),
    CASEWORKER("Sagsbehandler", "Caseworker"),
    HEALTHCARE("Sundhedsvæsen", "Healthcare"),
    PSYCHIATRY("Psykiatri", "Psychiatry"),
    SELF("Mig selv", "Myself"),
    OTHER("Andet", "Other");

    private final String labelDa;
    private final String labelEn;

    ReporterRole(String labelDa, String labelEn) {
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
