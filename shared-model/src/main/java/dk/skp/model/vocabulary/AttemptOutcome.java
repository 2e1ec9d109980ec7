package dk.skp.model.vocabulary;

/** What came of a contact attempt. The first CONTACT_ESTABLISHED puts the concern in contact. */
public enum AttemptOutcome implements Labelled {
    NOT_FOUND("Ikke fundet", "Not found"),
    NO_ANSWER("Intet svar", "No answer"),
    REFUSED("Afviste kontakt", "Refused"),
    BRIEF_CONTACT("Kortvarig kontakt", "Brief contact"),
    CONTACT_ESTABLISHED("Kontakt etableret", "Contact established"),
    REFERRED_ON("Henvist videre", "Referred on");

    private final String labelDa;
    private final String labelEn;

    AttemptOutcome(String labelDa, String labelEn) {
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
