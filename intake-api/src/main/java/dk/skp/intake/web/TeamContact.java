package dk.skp.intake.web;

import dk.skp.model.municipality.LocalizedText;
import dk.skp.model.municipality.MunicipalityProfile;
import io.quarkus.qute.TemplateData;
import java.util.Locale;

/**
 * The municipality's profile in the reader's language, for the pages and the receipt mail. Optional parts are null,
 * so a profile without a phone number (Odense's page gives none) simply leaves that line out.
 *
 * @param phoneHref the phone as a tel: link, digits only, with the Danish country code when none is given
 */
@TemplateData
public record TeamContact(String municipality, String team, String unit, String phone, String phoneHref, String email,
        String hours, String outsideHours, String targetGroup, String retention, String childWelfareUrl,
        String childWelfarePhone, String childWelfareName) {

    public static TeamContact of(MunicipalityProfile p, Locale locale) {
        String phoneHref = p.phone() == null ? null : tel(p.phone());
        return new TeamContact(p.municipality().in(locale), p.team().in(locale), in(p.unit(), locale), p.phone(), phoneHref,
                p.email(), in(p.hours(), locale), p.outsideHours().in(locale), p.targetGroup().in(locale),
                p.retentionNotice().in(locale), p.childWelfare().url(), p.childWelfare().phone(),
                in(p.childWelfare().name(), locale));
    }

    public boolean hasChildWelfareRoute() {
        return childWelfareUrl != null || childWelfarePhone != null;
    }

    public String childWelfarePhoneHref() {
        return childWelfarePhone == null ? null : tel(childWelfarePhone);
    }

    private static String in(LocalizedText text, Locale locale) {
        return text == null ? null : text.in(locale);
    }

    private static String tel(String phone) {
        String digits = phone.replaceAll("[^0-9+]", "");
        return "tel:" + (digits.startsWith("+") ? digits : "+45" + digits);
    }
}
