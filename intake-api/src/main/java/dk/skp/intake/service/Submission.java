package dk.skp.intake.service;

import dk.skp.model.concern.ConcernReport;
import dk.skp.model.vocabulary.Channel;
import java.util.Locale;

/**
 * A concern on its way in, with where it came from.
 *
 * @param partnerId the partner organisation whose API key was used, or null for the public (web form, API)
 * @param locale    the language to answer in when the report names none
 */
public record Submission(ConcernReport report, Channel channel, String partnerId, Locale locale) {
}
