package dk.skp.staff.core;

import dk.skp.model.concern.ConcernReport;
import dk.skp.model.vocabulary.Indicator;
import dk.skp.staff.core.ConcernViews.RiskSignal;
import dk.skp.staff.vocabulary.VisitTeam;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Whether the team should go out in a pair, from what the reporter said. The rule is deliberately simple and
 * cautious: any sign of risk suggests a pair, and a coordinator who knows more decides otherwise.
 */
final class VisitSafety {

    /**
     * Psychosis and intoxication make reactions hard to predict; open conflict with neighbours has often meant
     * threats. Other indicators describe need, not danger to a visitor.
     */
    static final Set<Indicator> RISK_INDICATORS = EnumSet.of(Indicator.CONFUSED_OR_PSYCHOTIC, Indicator.SUBSTANCE_USE,
            Indicator.CONFLICT_WITH_NEIGHBOURS);

    private VisitSafety() {
    }

    static List<Indicator> riskIndicators(ConcernReport report) {
        return report.observations().indicators().stream().filter(RISK_INDICATORS::contains).distinct().toList();
    }

    static List<RiskSignal> signals(ConcernReport report) {
        List<RiskSignal> signals = new ArrayList<>();
        if (report.acuteDanger()) {
            signals.add(RiskSignal.ACUTE_DANGER);
        }
        String notes = report.observations().safetyNotes();
        if (notes != null && !notes.isBlank()) {
            signals.add(RiskSignal.SAFETY_NOTES);
        }
        riskIndicators(report).forEach(indicator -> signals.add(RiskSignal.valueOf(indicator.name())));
        return signals;
    }

    static VisitTeam suggestion(List<RiskSignal> signals) {
        return signals.isEmpty() ? VisitTeam.ALONE : VisitTeam.PAIR;
    }
}
