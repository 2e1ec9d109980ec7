package dk.skp.intake.service;

import jakarta.enterprise.context.ApplicationScoped;
import dk.skp.model.municipality.MunicipalityProfile;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * What the reporter is told after submitting. Deliberately general: the team's duty of confidentiality means no
 * feedback about the person, only what happens next and where to turn in an emergency.
 */
@ApplicationScoped
public class ServiceNotices {

    private final MunicipalityProfile profile;

    public ServiceNotices(MunicipalityProfile profile) {
        this.profile = profile;
    }

    public String afterSubmission(boolean acuteDanger, boolean cprRemoved, Locale locale) {
        return afterSubmission(acuteDanger, cprRemoved, false, locale);
    }

    /** @param outsideArea the postcode is not one the municipality serves, and its profile lets such concerns in */
    public String afterSubmission(boolean acuteDanger, boolean cprRemoved, boolean outsideArea, Locale locale) {
        ResourceBundle texts = bundle(locale);
        String notice = texts.getString("received");
        if (cprRemoved) {
            notice = notice + " " + texts.getString("cprRemoved");
        }
        if (outsideArea) {
            notice = notice + " " + MessageFormat.format(texts.getString("outsideArea"), profile.municipality().in(locale));
        }
        return acuteDanger ? texts.getString("acuteDanger") + " " + notice : notice;
    }

    public String acuteDanger(Locale locale) {
        return bundle(locale).getString("acuteDanger");
    }

    private static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle("dk.skp.intake.service.Notices", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}
