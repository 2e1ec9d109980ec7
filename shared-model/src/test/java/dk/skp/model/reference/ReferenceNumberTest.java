package dk.skp.model.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReferenceNumberTest {

    @Test
    void referencesAreWellFormedAndDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            String reference = ReferenceNumber.next();
            assertTrue(ReferenceNumber.isWellFormed(reference), reference);
            seen.add(reference);
        }
        // 40 random bits: a repeat among 100 000 happens with probability ~0.5 %; two would point at a broken source.
        assertTrue(seen.size() >= 99_999, "repeats: " + (100_000 - seen.size()));
    }

    @Test
    void everyCharacterOfTheAlphabetIsUsedAndNoAmbiguousOne() {
        Set<Character> used = new HashSet<>();
        for (int i = 0; i < 2_000; i++) {
            String reference = ReferenceNumber.next();
            for (char c : reference.substring(4).replace("-", "").toCharArray()) {
                used.add(c);
            }
        }
        assertEquals(32, used.size());
        for (char ambiguous : "ILOU".toCharArray()) {
            assertFalse(used.contains(ambiguous), "uses " + ambiguous);
        }
    }

    @Test
    void typedReferencesAreNormalised() {
        assertEquals("SKP-7K4M-2QXD", ReferenceNumber.normalise(" skp-7k4m-2qxd "));
        assertEquals("SKP-7K4M-2Q0D", ReferenceNumber.normalise("7K4M2QOD"));
        assertEquals("SKP-1K4M-2QXD", ReferenceNumber.normalise("SKP-LK4M-2QXD"));
        assertNull(ReferenceNumber.normalise("SKP-7K4M-2QX"));
        assertNull(ReferenceNumber.normalise("SKP-7K4M-2QXU"));
        assertNull(ReferenceNumber.normalise(null));
        assertFalse(ReferenceNumber.isWellFormed("SKP-7K4M-2QXDA"));
    }
}
