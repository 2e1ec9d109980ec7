package dk.skp.staff.vocabulary;

import dk.skp.model.vocabulary.Labelled;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How the team tried to reach the person. */
@Schema(description = "HOME_VISIT: at the person's home; PHONE: a call; LETTER: a letter; STREET: outreach where the person"
        + " is, e.g. a bench or a station; VIA_PARTNER: through a partner such as a caretaker or the police.")
public enum AttemptChannel implements Labelled {
    HOME_VISIT,
    PHONE,
    LETTER,
    STREET,
    VIA_PARTNER
}
