package dk.skp.staff.mail;

import dk.skp.model.municipality.MunicipalityProfile;
import io.quarkus.arc.Arc;
import io.quarkus.qute.TemplateGlobal;

/**
 * The team of the municipality's profile, named in staff mails ({teamDa}, {teamEn}): its published name, nothing of a
 * concern. Globals, so the mail templates name it without every mail method passing it.
 */
final class MailTeam {

    private MailTeam() {
    }

    @TemplateGlobal
    static String teamDa() {
        MunicipalityProfile p = profile();
        return p.team().da() + ", " + p.municipality().da();
    }

    @TemplateGlobal
    static String teamEn() {
        MunicipalityProfile p = profile();
        return p.team().en() + ", " + p.municipality().en();
    }

    private static MunicipalityProfile profile() {
        return Arc.container().instance(MunicipalityProfile.class).get();
    }
}
