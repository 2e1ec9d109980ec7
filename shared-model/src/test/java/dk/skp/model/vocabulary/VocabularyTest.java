package dk.skp.model.vocabulary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class VocabularyTest {

    private static final List<Class<? extends Labelled>> VOCABULARIES = List.of(ReporterRole.class, Anonymity.class,
            AgeBand.class, Gender.class, KnowsAboutReport.class, Regularity.class, Urgency.class, Indicator.class,
            TargetGroup.class, Channel.class, PublicStatus.class);

    @Test
    void everyValueHasADanishAndAnEnglishLabel() {
        for (Class<? extends Labelled> vocabulary : VOCABULARIES) {
            for (Labelled value : vocabulary.getEnumConstants()) {
                assertFalse(value.labelDa().isBlank(), value.name());
                assertFalse(value.labelEn().isBlank(), value.name());
            }
        }
    }

    @Test
    void danishIsTheDefaultAndEnglishIsChosenByLanguage() {
        assertEquals("Nabo", ReporterRole.NEIGHBOUR.labelDa());
        assertEquals("Neighbour", ReporterRole.NEIGHBOUR.label(Locale.forLanguageTag("en-GB")));
        assertEquals("Nabo", ReporterRole.NEIGHBOUR.label(Locale.GERMAN));
        assertEquals("67 år eller ældre", AgeBand.AGE_67_PLUS.label(null));
        assertEquals("Under behandling", PublicStatus.IN_PROGRESS.labelDa());
    }
}
