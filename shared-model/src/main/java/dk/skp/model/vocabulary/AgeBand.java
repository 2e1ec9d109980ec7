package dk.skp.model.vocabulary;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The person's approximate age. UNDER_18 is not SKP's: children are a child-welfare matter. The wire names start with a digit, which a Java constant cannot. */
@Schema(enumeration = {"UNDER_18", "18_29", "30_49", "50_66", "67_PLUS", "UNKNOWN"})
public enum AgeBand implements Labelled {
    UNDER_18,
    @JsonProperty("18_29")
    AGE_18_29,
    @JsonProperty("30_49")
    AGE_30_49,
    @JsonProperty("50_66")
    AGE_50_66,
    @JsonProperty("67_PLUS")
    AGE_67_PLUS,
    UNKNOWN
}
