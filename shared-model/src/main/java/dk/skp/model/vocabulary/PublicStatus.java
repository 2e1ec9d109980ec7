package dk.skp.model.vocabulary;

/**
 * The only thing a reporter can learn about their concern afterwards. Deliberately coarse: the team's duty of
 * confidentiality allows no more.
 */
public enum PublicStatus implements Labelled {
    RECEIVED("Modtaget", "Received"),
    IN_PROGRESS("Under behandling", "In progress"),
    CLOSED("Afsluttet", "Closed");

    private final String labelDa;
    private final String labelEn;

    PublicStatus(String labelDa, String labelEn) {
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
