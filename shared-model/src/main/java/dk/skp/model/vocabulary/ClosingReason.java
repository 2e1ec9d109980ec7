package dk.skp.model.vocabulary;

/** Why the team's work with a concern ended. */
public enum ClosingReason implements Labelled {
    HANDED_OVER("Overdraget til et varigt tilbud", "Handed over to a lasting service"),
    DECLINED("Borgeren takkede nej", "Declined by the citizen"),
    NOT_FOUND("Ikke fundet trods forsøg", "Not found despite attempts"),
    MOVED("Fraflyttet", "Moved away"),
    DECEASED("Afgået ved døden", "Deceased"),
    OTHER("Andet", "Other");

    private final String labelDa;
    private final String labelEn;

    ClosingReason(String labelDa, String labelEn) {
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
