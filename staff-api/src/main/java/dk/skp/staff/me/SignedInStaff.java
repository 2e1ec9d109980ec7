package dk.skp.staff.me;

import dk.skp.staff.repository.ContactPersonRepository;
import dk.skp.staff.rest.ApiLimits;
import dk.skp.staff.security.Viewer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Who is signed in, as the client needs to know it to show each role its own screens. */
@ApplicationScoped
public class SignedInStaff {

    @Schema(name = "Me", description = "The signed-in staff member.")
    public record Me(
            @Schema(description = "Stable id from the identity provider (sub); what assignments and audit rows refer to.", maxLength = ApiLimits.SUBJECT) String subject,
            @Schema(description = "Name to greet them with (the token's name, else its user name).", maxLength = ApiLimits.NAME) String name,
            @Schema(description = "Their SKP roles: coordinator, contact-person, admin.", maxItems = 3, type = SchemaType.ARRAY, implementation = Viewer.Role.class) List<String> roles,
            @Schema(nullable = true, description = "Their contact-person record, when an admin has registered one for this subject.")
            UUID contactPersonId) {
    }

    private final ContactPersonRepository contactPersons;

    public SignedInStaff(ContactPersonRepository contactPersons) {
        this.contactPersons = contactPersons;
    }

    @Transactional
    public Me me(Viewer viewer) {
        List<String> roles = new TreeSet<>(viewer.roles()).stream()
                .filter(r -> r.equals(Viewer.COORDINATOR) || r.equals(Viewer.CONTACT_PERSON) || r.equals(Viewer.ADMIN))
                .toList();
        UUID contactPersonId = contactPersons.findBySubject(viewer.subject()).map(p -> p.id).orElse(null);
        return new Me(viewer.subject(), viewer.name(), roles, contactPersonId);
    }
}
