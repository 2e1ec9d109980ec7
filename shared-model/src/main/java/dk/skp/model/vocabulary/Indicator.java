package dk.skp.model.vocabulary;

/** What the reporter has observed. */
public enum Indicator implements Labelled {
    SOCIAL_ISOLATION("Social isolation", "Social isolation"),
    NEGLECTED_HOME("Misligeholdt bolig", "Neglected home"),
    SELF_NEGLECT("Manglende egenomsorg", "Self-neglect"),
    HOARDING("Samler ting (hoarding)", "Hoarding"),
    CONFUSED_OR_PSYCHOTIC("Forvirret eller psykotisk", "Confused or psychotic"),
    SUBSTANCE_USE("Misbrug af alkohol eller stoffer", "Alcohol or drug use"),
    HOMELESS("Hjemløs", "Homeless"),
    EVICTION_RISK("Risiko for udsættelse", "Risk of eviction"),
    CONFLICT_WITH_NEIGHBOURS("Konflikter med naboer", "Conflict with neighbours"),
    MISSED_APPOINTMENTS("Udebliver fra aftaler", "Missed appointments"),
    REPEATED_EMERGENCY_VISITS("Gentagne besøg på skadestuen", "Repeated emergency visits"),
    OTHER("Andet", "Other");

    private final String labelDa;
    private final String labelEn;

    Indicator(String labelDa, String labelEn) {
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
