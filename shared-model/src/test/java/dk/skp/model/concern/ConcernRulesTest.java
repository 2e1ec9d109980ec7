package dk.skp.model.concern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dk.skp.model.problem.FieldError;
import dk.skp.model.problem.ProblemException;
import dk.skp.model.problem.ProblemType;
import dk.skp.model.vocabulary.AgeBand;
import dk.skp.model.vocabulary.Anonymity;
import dk.skp.model.vocabulary.ReporterRole;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The shared rules as plain functions; intake's and staff's HTTP tests show that both services apply them. */
class ConcernRulesTest {

    private static final ConcernRules RULES = new ConcernRules(Optional.of("https://kommune.example/underretning"));

    private static ConcernReport neighbour() throws Exception {
        return ConcernReportValidationTest.example("concern-anonymous-neighbour.json");
    }

    private static ConcernReport with(ConcernReport r, Reporter reporter, Person person, Whereabouts whereabouts,
            Observations observations) {
        return new ConcernReport(reporter == null ? r.reporter() : reporter, person == null ? r.person() : person,
                whereabouts == null ? r.whereabouts() : whereabouts,
                observations == null ? r.observations() : observations, r.urgency(), r.acuteDanger(), r.language());
    }

    private static List<String> fields(ProblemException e) {
        return e.errors().stream().map(FieldError::field).toList();
    }

    @Test
    void underEighteenIsAChildWelfareMatterWithTheMunicipalitysRoute() throws Exception {
        ConcernReport r = neighbour();
        Person p = r.person();
        ConcernReport child = with(r, null, new Person(p.name(), AgeBand.UNDER_18, p.gender(), p.appearance(),
                p.language(), p.knowsAboutReport()), null, null);
        ProblemException e = assertThrows(ProblemException.class, () -> RULES.check(child, null));
        assertEquals(ProblemType.CHILD_WELFARE, e.type());
        assertEquals("CHILD_WELFARE.route|https://kommune.example/underretning", e.detailKey());
        assertEquals(List.of("person.ageBand"), fields(e));

        ProblemException withoutRoute = assertThrows(ProblemException.class,
                () -> new ConcernRules(Optional.of(" ")).check(child, null));
        assertNull(withoutRoute.detailKey(), "a blank route is no route: the general text applies");
    }

    @Test
    void anonymousReportersGiveNoContactDataAndOthersGiveAWayToReachThem() throws Exception {
        ConcernReport r = neighbour();
        Reporter anonymousWithContact = new Reporter(ReporterRole.NEIGHBOUR, Anonymity.ANONYMOUS, "Karen", null,
                "+45 12345678", null, false);
        assertEquals(List.of("reporter.name", "reporter.phone"), fields(assertThrows(ProblemException.class,
                () -> RULES.check(with(r, anonymousWithContact, null, null, null), null))));

        Reporter namedWithout = new Reporter(ReporterRole.NEIGHBOUR, Anonymity.NAMED, null, null, null, null, false);
        assertEquals(List.of("reporter.email", "reporter.name"), fields(assertThrows(ProblemException.class,
                () -> RULES.check(with(r, namedWithout, null, null, null), null))));

        Reporter partnerAnonymous = new Reporter(null, Anonymity.ANONYMOUS, null, null, null, null, false);
        assertEquals(List.of("reporter.anonymity"), fields(assertThrows(ProblemException.class,
                () -> RULES.check(with(r, partnerAnonymous, null, null, null), ReporterRole.POLICE))));
    }

    @Test
    void thePersonMustBeFindable() throws Exception {
        ConcernReport r = neighbour();
        assertEquals(List.of("whereabouts.address"), fields(assertThrows(ProblemException.class, () -> RULES.check(
                with(r, null, null, new Whereabouts(null, "5000", null, null, r.whereabouts().regularity()), null), null))));
        assertEquals(List.of("whereabouts.usualTimes"), fields(assertThrows(ProblemException.class, () -> RULES.check(
                with(r, null, null, new Whereabouts(null, "5000", "Bænken", null, r.whereabouts().regularity()), null),
                null))));
    }

    @Test
    void cprNumbersAreRemovedAndTheFieldsNamed() throws Exception {
        ConcernReport r = neighbour();
        Observations o = r.observations();
        ConcernReport withCpr = with(r, null, null, null,
                new Observations(o.indicators(), "Hans, cpr 010190-1234, og 0101901234; ikke 1234567890123", null));
        ConcernRules.Checked checked = RULES.check(withCpr, null);
        assertEquals("Hans, cpr " + ConcernRules.CPR_REPLACEMENT + ", og " + ConcernRules.CPR_REPLACEMENT
                + "; ikke 1234567890123", checked.report().observations().description());
        assertEquals(List.of("observations.description"), checked.redactedFields());
        assertEquals(List.of(), RULES.check(r, null).redactedFields());
    }
}
