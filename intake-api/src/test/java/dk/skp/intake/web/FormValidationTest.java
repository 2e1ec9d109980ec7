package dk.skp.intake.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FormValidationTest {

    @Test
    void everyValidationPathLandsAtAFieldOfTheFormOrAtTheFormItself() {
        assertEquals("whereabouts.postcode", FormValidation.formField("whereabouts.postcode"));
        assertEquals("observations.indicators", FormValidation.formField("observations.indicators"));
        assertEquals("whereabouts.address", FormValidation.formField("whereabouts"), "a rule on a part: its first field");
        assertEquals("reporter.role", FormValidation.formField("reporter"));
        assertEquals("", FormValidation.formField(""), "a rule on the whole concern: the form");
        assertEquals("", FormValidation.formField("language"), "the hidden language field has no place of its own");
    }
}
