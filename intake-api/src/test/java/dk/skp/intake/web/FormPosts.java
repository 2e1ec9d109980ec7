package dk.skp.intake.web;

import static io.restassured.RestAssured.given;

import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A web form post as a browser without JavaScript sends it: application/x-www-form-urlencoded in UTF-8. */
public final class FormPosts {

    public static final String REFERENCE = "SKP-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}";

    private final Map<String, List<String>> fields = new LinkedHashMap<>();

    private FormPosts() {
    }

    /** An anonymous neighbour's concern, complete and valid, in Danish; no form token or proof yet. */
    public static FormPosts neighbour() {
        return new FormPosts()
                .set("language", "da")
                .set("person.ageBand", "50_66")
                .set("person.gender", "MALE")
                .set("person.appearance", "Høj, gråt skæg, grøn militærjakke")
                .set("person.language", "da")
                .set("person.knowsAboutReport", "NO")
                .set("whereabouts.address", "Vestergade 12, 2. th.")
                .set("whereabouts.postcode", "5000")
                .set("whereabouts.usualTimes", "Om morgenen på bænken")
                .set("whereabouts.regularity", "DAILY")
                .set("observations.indicators", "SOCIAL_ISOLATION", "NEGLECTED_HOME")
                .set("observations.description", "Ikke set i to uger; posten hober sig op.\r\nLyset er tændt om natten.")
                .set("urgency", "SOON")
                .set("reporter.role", "NEIGHBOUR")
                .set("reporter.anonymity", "ANONYMOUS")
                .set("website", "");
    }

    public FormPosts set(String name, String... values) {
        fields.put(name, new ArrayList<>(List.of(values)));
        return this;
    }

    public FormPosts remove(String name) {
        fields.remove(name);
        return this;
    }

    public RequestSpecification request() {
        RequestSpecification request = given()
                .config(RestAssured.config().encoderConfig(EncoderConfig.encoderConfig()
                        .defaultContentCharset("UTF-8").appendDefaultContentCharsetToContentTypeIfUndefined(true)))
                .contentType("application/x-www-form-urlencoded; charset=UTF-8");
        fields.forEach((name, values) -> request.formParam(name, values.toArray()));
        return request;
    }
}
