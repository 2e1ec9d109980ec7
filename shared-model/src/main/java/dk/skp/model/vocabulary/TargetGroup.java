package dk.skp.model.vocabulary;

/** The groups § 99 of the Social Services Act names, used when the team triages a concern. */
public enum TargetGroup implements Labelled {
    MENTAL_ILLNESS("Sindslidelse", "Mental illness"),
    SUBSTANCE_ABUSE("Misbrug", "Substance abuse"),
    HOMELESSNESS("Hjemløshed", "Homelessness"),
    OTHER_SOCIAL_PROBLEMS("Andre særlige sociale problemer", "Other severe social problems");

    private final String labelDa;
    private final String labelEn;

    TargetGroup(String labelDa, String labelEn) {
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
