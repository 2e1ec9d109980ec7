package dk.skp.staff.repository;

import dk.skp.model.vocabulary.Channel;
import dk.skp.model.vocabulary.Indicator;
import dk.skp.model.vocabulary.TargetGroup;
import dk.skp.model.vocabulary.Urgency;
import dk.skp.staff.vocabulary.Priority;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A concern as a list shows it (the inbox, the list, search), read as columns: no entity is loaded, and of the
 * report only what a list needs, from columns of its own or a path into it. {@code assignedToName} is the name of the
 * contact person who holds it, where one is registered; {@code postcode} is the report's, trimmed, as the search
 * column holds it (null when absent or blank); {@code indicators} are the report's observations as codes (empty
 * when it has none).
 */
public record ListedConcern(UUID id, String reference, ConcernStatus status, Urgency urgency, boolean acuteDanger,
        Channel channel, Instant receivedAt, Priority priority, List<TargetGroup> targetGroups, String district,
        String assignedTo, String assignedToName, Instant triageDueAt, Instant firstAttemptDueAt, long version,
        Instant endedAt, String postcode, List<Indicator> indicators) {
}
