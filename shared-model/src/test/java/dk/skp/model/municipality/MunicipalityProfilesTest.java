package dk.skp.model.municipality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.skp.model.concern.Whereabouts;
import dk.skp.model.problem.Languages;
import dk.skp.model.problem.ProblemException;
import dk.skp.model.problem.ProblemType;
import dk.skp.model.vocabulary.Regularity;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Period;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MunicipalityProfilesTest {

    @TempDir
    Path dir;

    @Test
    void guldborgsundHasItsPublishedContactData() {
        MunicipalityProfile profile = MunicipalityProfiles.load("guldborgsund");
        assertEquals("guldborgsund", profile.id());
        assertEquals("54 73 28 02", profile.phone());
        assertEquals("skpp99@guldborgsund.dk", profile.email());
        assertEquals("SKP § 99 team (Støttekontaktpersoner)", profile.team().da());
        assertTrue(profile.hours().da().contains("8.00") && profile.hours().da().contains("16.00"));
        assertTrue(profile.serves("4800"));
        assertFalse(profile.serves("5000"));
        assertEquals(Period.ofDays(90), profile.eraseAfterPeriod());
        assertTrue(profile.retentionNotice().da().contains("90 dage"), profile.retentionNotice().da());
        assertTrue(profile.retentionNotice().en().contains("90 days"), profile.retentionNotice().en());
    }

    @Test
    void odenseLeavesOutWhatItsPageDoesNotSay() {
        MunicipalityProfile profile = MunicipalityProfiles.load("odense");
        assertNull(profile.phone());
        assertNull(profile.email());
        assertNull(profile.hours());
        assertNull(profile.childWelfare().route());
        assertTrue(profile.serves("5000"));
        assertTrue(profile.serves(null), "a concern with a place description only is always served");
    }

    @Test
    void aFileOfItsOwnIsReadAsUtf8() throws IOException {
        Path file = write("aeroe.properties", builtIn("guldborgsund").replace("Guldborgsund Kommune", "Ærø Kommune")
                .replace("erase-after=P90D", "erase-after=P1Y2M"));
        MunicipalityProfile profile = MunicipalityProfiles.load(file.toString());
        assertEquals("aeroe", profile.id());
        assertEquals("Ærø Kommune", profile.municipality().da());
        assertTrue(profile.retentionNotice().en().contains("1 year and 2 months"), profile.retentionNotice().en());
    }

    @Test
    void everyBadSettingIsNamed() throws IOException {
        String text = builtIn("guldborgsund")
                .replace("phone=54 73 28 02", "phone=call us")
                .replaceAll("(?m)^team\\.en=.*$", "")
                .replace("outside-area=warn", "outside-area=maybe")
                .replace("erase-after=P90D", "erase-after=90 days")
                .replace("postcodes=4800,", "postcodes=480,")
                + "\nphone-hours=8-16\n";
        Path file = write("broken.properties", text);
        InvalidProfileException e = assertThrows(InvalidProfileException.class, () -> MunicipalityProfiles.load(file.toString()));
        String message = e.getMessage();
        assertTrue(message.contains(file.toAbsolutePath().toString()), message);
        for (String named : new String[] { "phone: 'call us'", "team.en: missing", "outside-area: must be refuse or warn",
                "erase-after: '90 days'", "postcodes: '480'", "phone-hours: not a setting" }) {
            assertTrue(message.contains(named), "should name " + named + ":\n" + message);
        }
        assertEquals(6, e.problems().size(), message);
    }

    @Test
    void aTextLongerThanTheApiDocumentsIsRefused() throws IOException {
        String tooLong = "x".repeat(MunicipalityProfile.TEXT_MAX_LENGTH + 1);
        Path file = write("verbose.properties", builtIn("guldborgsund").replaceAll("(?m)^team\\.da=.*$", "team.da=" + tooLong));
        InvalidProfileException e = assertThrows(InvalidProfileException.class, () -> MunicipalityProfiles.load(file.toString()));
        assertTrue(e.getMessage().contains("team.da: longer than 1000 characters"), e.getMessage());
    }

    @Test
    void anUnknownNameSaysWhatExists() {
        InvalidProfileException e = assertThrows(InvalidProfileException.class, () -> MunicipalityProfiles.load("aarhus"));
        assertTrue(e.getMessage().contains("[odense, guldborgsund]"), e.getMessage());
        assertThrows(InvalidProfileException.class, () -> MunicipalityProfiles.load(" "));
    }

    @Test
    void refuseNeedsPostcodes() throws IOException {
        Path file = write("nowhere.properties", builtIn("odense").replace("outside-area=warn", "outside-area=refuse")
                .replaceAll("(?m)^postcodes=.*$", "postcodes="));
        InvalidProfileException e = assertThrows(InvalidProfileException.class, () -> MunicipalityProfiles.load(file.toString()));
        assertTrue(e.getMessage().contains("refuse needs the postcodes"), e.getMessage());
    }

    @Test
    void servedAreaRefusesOrWarnsByPolicy() throws IOException {
        MunicipalityProfile warning = MunicipalityProfiles.load("odense");
        assertTrue(new ServedArea(warning).check(at("8000")));
        assertFalse(new ServedArea(warning).check(at("5000")));
        assertFalse(new ServedArea(warning).check(at(null)));

        Path file = write("strict.properties", builtIn("odense").replace("outside-area=warn", "outside-area=refuse"));
        ServedArea strict = new ServedArea(MunicipalityProfiles.load(file.toString()));
        ProblemException e = assertThrows(ProblemException.class, () -> strict.check(at("8000")));
        assertEquals(ProblemType.OUTSIDE_AREA, e.type());
        assertTrue(ProblemType.message(Languages.DANISH, e.detailKey()).contains("Odense Kommune"));
        assertTrue(ProblemType.message(Languages.ENGLISH, e.detailKey()).contains("Odense Municipality"));
        assertFalse(strict.check(at(null)));
    }

    private static Whereabouts at(String postcode) {
        return new Whereabouts(null, postcode, "by the station", null, Regularity.UNKNOWN);
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    private static String builtIn(String name) throws IOException {
        try (InputStream in = MunicipalityProfiles.class.getResourceAsStream(name + ".properties")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
