package dk.skp.intake.web;

import dk.skp.model.municipality.MunicipalityProfile;
import io.quarkus.arc.Arc;
import dk.skp.model.problem.Languages;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateGlobal;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The team of the municipality's profile in both languages, a global of every template ({@code teams}), so that every
 * page built on base.html names the team and how to reach it without each resource remembering to pass it. In a
 * template: {@code {#let team=teams.of(t)}}.
 */
@TemplateData
@ApplicationScoped
public class TeamContacts {

    private final TeamContact danish;
    private final TeamContact english;

    public TeamContacts(MunicipalityProfile profile) {
        this.danish = TeamContact.of(profile, Languages.DANISH);
        this.english = TeamContact.of(profile, Languages.ENGLISH);
    }

    public TeamContact of(Texts t) {
        return "en".equals(t.locale().getLanguage()) ? english : danish;
    }

    public TeamContact in(String language) {
        return "en".equals(language) ? english : danish;
    }

    /** Qute globals are static; the profile is a bean. */
    @TemplateGlobal(name = "teams")
    static TeamContacts teams() {
        return Arc.container().instance(TeamContacts.class).get();
    }
}
