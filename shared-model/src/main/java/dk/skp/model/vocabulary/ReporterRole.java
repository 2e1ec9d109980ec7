package dk.skp.model.vocabulary;

/** Who raises the concern. */
public enum ReporterRole implements Labelled {
    NEIGHBOUR,
    RELATIVE,
    FRIEND,
    HOUSING_ASSOCIATION,
    LANDLORD,
    SHOPKEEPER,
    POLICE,
    CASEWORKER,
    HEALTHCARE,
    PSYCHIATRY,
    SELF,
    OTHER
}
