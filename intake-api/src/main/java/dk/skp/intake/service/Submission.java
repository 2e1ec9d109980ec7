package dk.skp.intake.service;

import dk.skp.intake.repository.PartnerDirectory.Partner;
import dk.skp.model.concern.ConcernReport;
import dk.skp.model.vocabulary.Channel;
import java.util.Locale;

/**
 * A concern on its way in, with where it came from.
 *
 * @param partner        the partner organisation whose API key was used, or null for the public
 * @param locale         the language to answer in when the report names none
 * @param idempotencyKey a partner's Idempotency-Key, or null
 * @param clientAddress  the client's IP address, for the per-client rate limit of public submissions
 */
public record Submission(ConcernReport report, Channel channel, Partner partner, Locale locale, String idempotencyKey,
        String clientAddress) {

    public Submission {
        // The channels staff enter concerns by are staff's alone: a public submission can never claim one.
        if (channel.enteredByStaff()) {
            throw new IllegalArgumentException("intake takes concerns by web form or partner API only, not " + channel);
        }
    }

    public Submission(ConcernReport report, Channel channel, Partner partner, Locale locale) {
        this(report, channel, partner, locale, null, null);
    }
}
