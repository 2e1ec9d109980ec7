package dk.skp.model.vocabulary;

/**
 * How a concern reached the municipality: through intake (the public web form, a partner system), or told to a staff
 * member who entered it in the staff client (by phone, in person, by e-mail, by letter).
 */
public enum Channel implements Labelled {
    WEB_FORM,
    PARTNER_API,
    PHONE,
    IN_PERSON,
    EMAIL,
    LETTER;

    /** A channel only staff enter concerns by; intake (the public side) never uses or accepts one. */
    public boolean enteredByStaff() {
        return this != WEB_FORM && this != PARTNER_API;
    }
}
