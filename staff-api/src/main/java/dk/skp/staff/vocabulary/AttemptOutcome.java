package dk.skp.staff.vocabulary;

import dk.skp.model.vocabulary.Labelled;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What came of a contact attempt. The first CONTACT_ESTABLISHED puts the concern in contact. */
@Schema(description = "NOT_FOUND: the person was not there; NO_ANSWER: nobody answered; REFUSED: the person declined "
        + "contact; BRIEF_CONTACT: a few words, no more; CONTACT_ESTABLISHED: contact on which to build (the "
        + "first one puts the concern IN_CONTACT); REFERRED_ON: the person was referred to another service.")
public enum AttemptOutcome implements Labelled {
    NOT_FOUND,
    NO_ANSWER,
    REFUSED,
    BRIEF_CONTACT,
    CONTACT_ESTABLISHED,
    REFERRED_ON
}
