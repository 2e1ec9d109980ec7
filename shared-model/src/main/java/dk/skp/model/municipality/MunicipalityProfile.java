package dk.skp.model.municipality;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Period;
import java.util.List;
import dk.skp.model.openapi.Strings;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Who runs this deployment and how to reach them: one file read by intake and staff alike, so the form, the receipt,
 * the catalog and the staff client cannot say different things (see {@link MunicipalityProfiles}). Nothing in it is
 * personal: a team's name, phone and e-mail are the municipality's published contact data.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "The municipality and team that run this service, how to reach them, the area they serve and "
        + "how long personal data is kept. Optional contact fields are left out when the municipality has not set them.")
public record MunicipalityProfile(
        @Schema(required = true, description = "The profile's name, e.g. odense", examples = "guldborgsund",
                maxLength = 255) String id,
        @Schema(required = true) LocalizedText municipality,
        @Schema(required = true, description = "The team's name as the public knows it.") LocalizedText team,
        @Schema(nullable = true, description = "The part of the municipality the team belongs to.") LocalizedText unit,
        @Schema(nullable = true, examples = "54 73 28 02", maxLength = 20, pattern = "^\\+?[0-9][0-9 ]{6,18}[0-9]$") String phone,
        @Schema(nullable = true, examples = "skpp99@guldborgsund.dk", maxLength = VALUE_MAX_LENGTH) String email,
        @Schema(nullable = true, description = "When the team answers the phone.") LocalizedText hours,
        @Schema(required = true, description = "What to do when the team cannot be reached.") LocalizedText outsideHours,
        @Schema(required = true) ChildWelfare childWelfare,
        @Schema(required = true, description = "Whom the team is for, in the municipality's words.") LocalizedText targetGroup,
        @Schema(required = true, description = "The postcodes the team serves; empty: no check.", maxItems = MAX_POSTCODES,
                type = SchemaType.ARRAY, implementation = Strings.Postcode.class) List<String> postcodes,
        @Schema(required = true) OutsideAreaPolicy outsideArea,
        @Schema(required = true, description = "How long after the work with a concern ended its personal data is erased (ISO-8601).",
                examples = "P90D", maxLength = 20, pattern = "^P[0-9YMWD]+$") String eraseAfter,
        @Schema(required = true, description = "In plain words: what is kept, for how long and why.") LocalizedText retentionNotice) {

    /** The longest text of a profile (MunicipalityProfiles refuses a longer one at start), as the API documents it. */
    public static final int TEXT_MAX_LENGTH = 1000;
    /** The longest single value of a profile: an e-mail address, a web address. */
    public static final int VALUE_MAX_LENGTH = 500;
    /** Denmark has about 1,100 postcodes. */
    public static final int MAX_POSTCODES = 1200;

    /** Where a concern about a child goes instead (underretning): the municipality's page and/or phone. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ChildWelfare(
            @Schema(nullable = true, description = "The municipality's page for notifications about children.",
                    maxLength = VALUE_MAX_LENGTH, format = "uri") String url,
            @Schema(nullable = true, maxLength = 20, pattern = "^\\+?[0-9][0-9 ]{6,18}[0-9]$") String phone,
            @Schema(nullable = true, description = "Who takes them, e.g. the children and families department.") LocalizedText name) {

        /** The route in a form that needs no translation (a link and/or a phone number), or null when none is set. */
        public String route() {
            if (url == null && phone == null) {
                return null;
            }
            return url == null ? phone : phone == null ? url : url + " / " + phone;
        }
    }

    /** Whether a concern found at this postcode belongs here; a concern without a postcode always does. */
    public boolean serves(String postcode) {
        return postcode == null || postcode.isBlank() || postcodes.isEmpty() || postcodes.contains(postcode.strip());
    }

    public Period eraseAfterPeriod() {
        return Period.parse(eraseAfter);
    }
}
