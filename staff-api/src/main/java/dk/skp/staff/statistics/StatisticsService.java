package dk.skp.staff.statistics;

import dk.skp.model.vocabulary.Channel;
import dk.skp.model.vocabulary.ReporterRole;
import dk.skp.model.vocabulary.TargetGroup;
import dk.skp.staff.config.StaffConfig;
import dk.skp.staff.core.AuditLog;
import dk.skp.staff.repository.ConcernStatus;
import dk.skp.staff.statistics.StatisticsRepository.Dimension;
import dk.skp.staff.statistics.StatisticsRepository.Moment;
import dk.skp.staff.security.Viewer;
import dk.skp.staff.vocabulary.ClosingReason;
import dk.skp.staff.vocabulary.LastingService;
import dk.skp.staff.vocabulary.TriageOutcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** Statistics for a period of days in the municipality's calendar. */
@ApplicationScoped
public class StatisticsService {

    private final StatisticsRepository statistics;
    private final AuditLog audit;
    private final ZoneId zone;

    public StatisticsService(StatisticsRepository statistics, AuditLog audit, StaffConfig config) {
        this.statistics = statistics;
        this.audit = audit;
        this.zone = config.zone();
    }

    /**
     * Counts the concerns received from the start of {@code from} to the end of {@code to}, both in the municipality's
     * time zone. The read is audited with its period, though it shows no concern.
     */
    @Transactional
    public Statistics forPeriod(Viewer viewer, LocalDate from, LocalDate to) {
        Instant start = from.atStartOfDay(zone).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
        Map<String, Object> criteria = new LinkedHashMap<>();
        criteria.put("from", from.toString());
        criteria.put("to", to.toString());
        statistics.oneSnapshot(); // first: every figure below from the same snapshot
        audit.record(viewer, AuditLog.Action.STATISTICS_READ, null, criteria);
        StatisticsRepository.Figures figures = statistics.figures(start, end);
        Map<Moment, StatisticsRepository.Elapsed> elapsed = figures.sinceReceipt();
        Map<Dimension, Map<String, Long>> by = figures.by();
        return new Statistics(from, to, figures.received(),
                byCode(ReporterRole.class, by.get(Dimension.REPORTER_ROLE)),
                byCode(Channel.class, by.get(Dimension.CHANNEL)),
                byCode(ConcernStatus.class, by.get(Dimension.STATUS)),
                byCode(TargetGroup.class, figures.byTargetGroup()),
                byCode(TriageOutcome.class, by.get(Dimension.TRIAGE_OUTCOME)),
                byCode(ClosingReason.class, by.get(Dimension.CLOSING_REASON)),
                by.get(Dimension.DISTRICT),
                elapsed(elapsed.get(Moment.FIRST_TRIAGE)),
                elapsed(elapsed.get(Moment.FIRST_ATTEMPT)),
                elapsed(elapsed.get(Moment.CONTACT_ESTABLISHED)),
                consent(figures.consent()));
    }

    private static Statistics.Consent consent(StatisticsRepository.ConsentCounts counts) {
        return new Statistics.Consent(counts.handedOverWithConsent(), counts.dataSharingConsented(), counts.declined(),
                byCode(LastingService.class, counts.handedOverByService()),
                byCode(LastingService.class, counts.declinedByService()));
    }

    /** Every code of {@code type} in its declared order, 0 where nothing was counted. */
    private static <E extends Enum<E>> Map<E, Long> byCode(Class<E> type, Map<String, Long> counted) {
        Map<E, Long> all = new EnumMap<>(type);
        for (E code : type.getEnumConstants()) {
            all.put(code, counted.getOrDefault(code.name(), 0L));
        }
        return all;
    }

    private static Statistics.Elapsed elapsed(StatisticsRepository.Elapsed measured) {
        if (measured.concerns() == 0 || measured.medianSeconds() == null) {
            return new Statistics.Elapsed(measured.concerns(), null, null);
        }
        Duration median = Duration.ofSeconds(Math.round(measured.medianSeconds())).truncatedTo(ChronoUnit.MINUTES);
        double hours = Math.round(measured.medianSeconds() / 360.0) / 10.0;
        return new Statistics.Elapsed(measured.concerns(), median.toString(), hours);
    }
}
