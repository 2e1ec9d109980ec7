package dk.skp.staff.core;

import dk.skp.model.concern.ConcernReport;
import dk.skp.model.concern.Observations;
import dk.skp.model.concern.Person;
import dk.skp.model.concern.Reporter;
import dk.skp.model.concern.Whereabouts;

/**
 * What of a report is personal data, and what is left of it after each step of retention: the one place that
 * decides which field goes when. Pure functions of the report, so that the rules are read (and tested) here.
 */
public final class PersonalData {

    private PersonalData() {
    }

    /**
     * The report without the referrer's contact data, as the work ends: their name, phone and e-mail. Nobody calls a
     * referrer back about a concern whose work has ended, and a reopened concern starts from what it says, not from
     * whom it came. Kept: the role, the anonymity they chose, whether they asked for status updates (the status
     * itself lives in exchange.reporter_status, without contact data), and the organisation: an organisation is not a
     * person, and "Fyns Politi, Odense Station" lets the team find its way back through a switchboard if the concern
     * is reopened.
     */
    public static ConcernReport withoutReferrerContact(ConcernReport report) {
        Reporter r = report.reporter();
        if (r == null) {
            return report;
        }
        Reporter erased = new Reporter(r.role(), r.anonymity(), null, r.organisation(), null, null,
                r.wantsStatusUpdates());
        return new ConcernReport(erased, report.person(), report.whereabouts(), report.observations(),
                report.urgency(), report.acuteDanger(), report.language());
    }

    /**
     * What is left of a report once its personal data is erased: the codes statistics count, nothing a person could
     * be recognised by. The reporter keeps role and anonymity only (no status updates either: their look-up row is
     * deleted with the rest); the person age band, gender and whether they knew of the report; the whereabouts shrink to the triaged district (or nothing) and how regularly the person was
     * there; the observations to their indicators. Urgency, acute danger and the reporter's language stay.
     */
    public static ConcernReport coarse(ConcernReport report, String district) {
        Reporter r = report.reporter();
        Person p = report.person();
        Whereabouts w = report.whereabouts();
        Observations o = report.observations();
        return new ConcernReport(
                r == null ? null : new Reporter(r.role(), r.anonymity(), null, null, null, null, false),
                p == null ? null : new Person(null, p.ageBand(), p.gender(), null, null, p.knowsAboutReport()),
                w == null ? null : new Whereabouts(null, null, district, null, w.regularity()),
                o == null ? null : new Observations(o.indicators(), null, null),
                report.urgency(), report.acuteDanger(), report.language());
    }
}
