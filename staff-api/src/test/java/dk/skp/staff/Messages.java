package dk.skp.staff;

import dk.skp.model.concern.ConcernReport;
import dk.skp.model.concern.Observations;
import dk.skp.model.concern.Person;
import dk.skp.model.message.ConcernSubmitted;
import dk.skp.model.message.MessageCodec;
import dk.skp.model.reference.ReferenceNumber;
import dk.skp.model.vocabulary.Channel;
import dk.skp.model.vocabulary.Indicator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Queue messages for tests, built from the shared fixture that intake's tests pin too. */
public final class Messages {

    public static final String FIXTURE = "/fixtures/concern-submitted-v1.json";

    private Messages() {
    }

    public static String fixtureJson() {
        try (InputStream in = Messages.class.getResourceAsStream(FIXTURE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ConcernSubmitted fixture() {
        return MessageCodec.decode(fixtureJson());
    }

    /** A fresh message with the fixture's concern, a new id and reference, received at the given time. */
    public static ConcernSubmitted fresh(Instant receivedAt) {
        ConcernReport concern = fixture().concern();
        return ConcernSubmitted.v1(UUID.randomUUID(), ReferenceNumber.next(), receivedAt, Channel.WEB_FORM, null, concern);
    }

    /** A fresh message whose report differs from the fixture in what a safety briefing looks at. */
    public static ConcernSubmitted withRisks(List<Indicator> indicators, String safetyNotes, boolean acuteDanger,
            String personLanguage) {
        ConcernReport f = fixture().concern();
        Person p = f.person();
        ConcernReport concern = new ConcernReport(f.reporter(),
                new Person(p.name(), p.ageBand(), p.gender(), p.appearance(), personLanguage, p.knowsAboutReport()),
                f.whereabouts(), new Observations(indicators, f.observations().description(), safetyNotes),
                f.urgency(), acuteDanger, f.language());
        return ConcernSubmitted.v1(UUID.randomUUID(), ReferenceNumber.next(), Instant.now(), Channel.WEB_FORM, null, concern);
    }
}
