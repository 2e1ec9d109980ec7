package dk.skp.staff.config;

import dk.skp.model.mail.OutboxConfig;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

@ConfigMapping(prefix = "skp.staff")
public interface StaffConfig {

    Queue queue();

    Auth auth();

    /** The municipality's time zone: what "today" is for absences, attempt dates, deadlines and audit periods. */
    @WithDefault("Europe/Copenhagen")
    ZoneId zone();

    Audit audit();

    Retention retention();

    Deadlines deadlines();

    Mail mail();

    Entry entry();

    Search search();

    /** The OIDC provider staff sign in with; read by quarkus-oidc (see application.properties), declared here to document them. */
    interface Auth {
        /** The provider's issuer URL, where its discovery document is found; required outside tests. */
        Optional<String> serverUrl();

        /** The client staff-api signs browser users in as (and the audience of ID tokens). */
        String clientId();

        /** That client's secret at the provider; required outside tests. */
        Optional<String> clientSecret();

        /** What the "aud" of API clients' bearer tokens must contain. */
        String audience();
    }

    interface Queue {
        /** Off only in tests that feed the queue by hand. */
        @WithDefault("true")
        boolean enabled();

        int maxAttempts();

        Duration firstBackoff();

        Duration maxBackoff();

        int batchSize();

        /**
         * Threads that drain a topic at once when woken; their claims skip each other's rows (FOR UPDATE SKIP
         * LOCKED), so each message is still handled once.
         */
        @WithDefault("4")
        int consumerThreads();

        Duration pollInterval();

        /** How often the queue gauges are read from the database. */
        String metricsRefresh();
    }

    interface Audit {
        /** How long audit rows are kept (ISO-8601 period, e.g. P2Y); why two years: see application.properties. */
        Period retention();

        /** When old audit rows are deleted (Quarkus cron, server time zone); "off" disables it. */
        String purgeCron();
    }

    /** The statistics tally (see StatisticsRepository). */
    Statistics statistics();

    interface Statistics {
        /** How often the tally's appended rows are folded (Quarkus "every", e.g. 1m); "off" disables it. */
        String compactEvery();
    }

    interface Retention {
        /** When ended concerns past the period are erased (Quarkus cron, server time zone); "off" disables it. */
        String eraseCron();
    }

    interface Deadlines {

        /** A new concern is to be triaged by the end of this many working days after it arrived. */
        int triageWorkingDays();

        /** The first contact attempt is due by the end of this many working days after assignment. */
        int firstAttemptWorkingDays();

        /**
         * Days (MM-dd) the offices close on although they are not public holidays: grundlovsdag, juleaftensdag and
         * nytårsaftensdag by default.
         */
        List<String> extraClosingDays();
    }

    interface Mail extends OutboxConfig {
        /** The coordinators' shared inbox, which gets the overdue digest; without it no digest is sent. */
        Optional<String> coordinatorsInbox();

        /**
         * When the overdue digest is written (Quarkus cron, in {@code skp.staff.zone}); "off" disables it. Days that are
         * not working days are skipped whatever the cron says.
         */
        String overdueDigestCron();

        /** The language of staff mails: da or en. */
        @WithDefault("da")
        String language();

        /** Address of a concern in the staff client, without the id: mails link to {link-base}/{id}. */
        String linkBase();

        /**
         * The public status page (intake's web form), where a reporter with a passcode reads and answers the team's
         * question; named in the mail to a reporter who left an e-mail address.
         */
        String reporterStatusPage();
    }

    /** Concerns staff enter themselves, told by phone, in person, by e-mail or letter. */
    interface Entry {
        /** How long before now a concern may have been received: a letter entered weeks late is a mistake. */
        @WithDefault("P30D")
        Duration maxAge();

        /** How far ahead of the server's clock a received time may be, for clocks that are a little off. */
        @WithDefault("PT2M")
        Duration clockSkew();

        /** How long a staff member's Idempotency-Key answers with the concern it made. */
        @WithDefault("PT24H")
        Duration idempotencyRetention();
    }

    /** Concern search and "possibly the same person" suggestions. */
    interface Search {
        /**
         * How alike two texts (addresses, places, names, organisations) must be to count as a match: pg_trgm's
         * similarity, 0 to 1, where a misspelt street name ("Vestregade 12" for "Vestergade 12, 2. th.") scores about
         * 0.55 and two different streets below 0.2.
         */
        @WithDefault("0.5")
        double similarity();

        /** At most this many "possibly the same person" candidates are offered for a concern (1 to 50, as documented). */
        @WithDefault("10")
        @Min(1)
        @Max(MAX_CANDIDATES)
        int maxCandidates();

        int MAX_CANDIDATES = 50;
    }
}
