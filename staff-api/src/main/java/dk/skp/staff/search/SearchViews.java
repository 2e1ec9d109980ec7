package dk.skp.staff.search;

import dk.skp.model.vocabulary.ReporterRole;
import dk.skp.staff.core.ConcernSummary;
import dk.skp.staff.repository.ConcernStatus;
import dk.skp.staff.rest.ApiLimits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What concern search and "possibly the same person" take and give. */
public final class SearchViews {

    private SearchViews() {
    }

    @Schema(description = "What to look for; give at least one criterion. Every criterion given must match. Texts "
            + "(address, place, personName, reporterOrganisation) match when similar (a misspelling still finds), "
            + "appearance and q by their Danish words (\"drikker\" finds \"drikke\"). Sent in the body rather than the "
            + "query string, because criteria are personal data and query strings end up in proxies' access logs and "
            + "browser histories.")
    public record ConcernSearchRequest(
            @Schema(nullable = true, description = "Address, or part of one; at least 3 characters.", examples = "Vestergade 12")
            @Size(max = 200, message = "{skp.size.max}") String address,
            @Schema(nullable = true, description = "Danish postcode, exactly.", examples = "5000", maxLength = 4)
            @Pattern(regexp = "[0-9]{4}", message = "{skp.postcode}") String postcode,
            @Schema(nullable = true, description = "Place description, or part of one; at least 3 characters.")
            @Size(max = 200, message = "{skp.size.max}") String place,
            @Schema(nullable = true, description = "The person's name, or part of it; at least 3 characters.")
            @Size(max = 200, message = "{skp.size.max}") String personName,
            @Schema(nullable = true, description = "Words from the person's appearance.")
            @Size(max = 200, message = "{skp.size.max}") String appearance,
            @Schema(nullable = true) ReporterRole reporterRole,
            @Schema(nullable = true, description = "The reporter's organisation, or part of it; at least 3 characters.")
            @Size(max = 200, message = "{skp.size.max}") String reporterOrganisation,
            @Schema(nullable = true) ConcernStatus status,
            @Schema(nullable = true, description = "Received on or after this day (the municipality's time zone).")
            LocalDate receivedFrom,
            @Schema(nullable = true, description = "Received on or before this day (the municipality's time zone).")
            LocalDate receivedTo,
            @Schema(nullable = true, description = "Words anywhere in the report's texts (web-search syntax: "
                    + "\"quoted phrase\", or, -word).")
            @Size(max = 200, message = "{skp.size.max}") String q,
            @Schema(nullable = true, description = "The 'next' value of the previous page; with the same criteria.")
            @Size(max = 200, message = "{skp.size.max}") String after,
            @Schema(nullable = true, description = "Page size, 1-100; 20 when left out.")
            @Min(value = 1, message = "{skp.limit}") @Max(value = 100, message = "{skp.limit}") Integer limit) {
    }

    @Schema(description = "Which part of a report matched.")
    public enum MatchedField {
        ADDRESS, POSTCODE, PLACE, PERSON_NAME, APPEARANCE, REPORTER_ORGANISATION, DESCRIPTION, SAFETY_NOTES, USUAL_TIMES
    }

    @Schema(description = "How it matched: SAME (the same text, or the text searched for found whole in it: "
            + "similarity 1), SIMILAR (with its similarity), or WORDS found in it (Danish full text).")
    public enum MatchKind {
        SAME, SIMILAR, WORDS
    }

    @Schema(description = "Why a concern was found or suggested; the matched text itself is not shown here (opening "
            + "the concern is a read of its own).")
    public record MatchReason(
            MatchedField field,
            MatchKind match,
            @Schema(nullable = true, description = "For SAME and SIMILAR: how alike, 0 to 1 (pg_trgm), two decimals.")
            Double similarity) {
    }

    @Schema(description = "A concern found, with why.")
    public record SearchHit(ConcernSummary concern, @Schema(maxItems = 27) List<MatchReason> reasons) {
    }

    @Schema(description = "One page of search results, the best matches first, then the newest.")
    public record SearchPage(
            @Schema(description = "The concerns on this page.", maxItems = ApiLimits.PAGE) List<SearchHit> items,
            @Schema(nullable = true, description = "Pass as 'after' (with the same criteria) to get the next page; absent on the last page.", maxLength = ApiLimits.CURSOR)
            String next) {
    }

    @Schema(description = "Another concern that may be about the same person, with why it was suggested.")
    public record SamePersonCandidate(
            ConcernSummary concern,
            @Schema(description = "Similar address, the same postcode and a similar place, or a similar name.", maxItems = 27)
            List<MatchReason> reasons,
            @Schema(description = "Already linked to the concern asked about.") boolean linked) {
    }
}
