package dk.skp.staff.vocabulary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dk.skp.model.vocabulary.Labelled;
import java.util.List;
import org.junit.jupiter.api.Test;

class StaffVocabularyTest {

    @Test
    void everyValueHasADanishAndAnEnglishLabel() {
        for (Class<? extends Labelled> vocabulary : List.of(AttemptChannel.class, AttemptOutcome.class,
                ClosingReason.class, LastingService.class, Priority.class, TriageOutcome.class, VisitTeam.class)) {
            for (Labelled value : vocabulary.getEnumConstants()) {
                assertFalse(value.labelDa().isBlank(), value.name());
                assertFalse(value.labelEn().isBlank(), value.name());
            }
        }
        assertEquals("Hjemmebesøg", AttemptChannel.HOME_VISIT.labelDa());
        assertEquals("Home visit", AttemptChannel.HOME_VISIT.labelEn());
    }
}
