package dk.skp.model.vocabulary;

/** How a concern reached the municipality. */
public enum Channel implements Labelled {
    WEB_FORM,
    PARTNER_API
}
