package dk.skp.staff.security;

import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The signed-in staff member a request is made for.
 *
 * @param subject stable id from the token ({@code sub}); what assignments and audit rows refer to
 * @param name    readable name for audit rows
 */
public record Viewer(String subject, String name, Set<String> roles) {

    public static final String COORDINATOR = "coordinator";
    public static final String CONTACT_PERSON = "contact-person";
    public static final String ADMIN = "admin";
    /** The roles SKP knows; a Viewer has no others. */
    public static final Set<String> ROLES = Set.of(COORDINATOR, CONTACT_PERSON, ADMIN);

    /** The items of a list of roles, in the API document. */
    @Schema(name = "Role", type = SchemaType.STRING, enumeration = { COORDINATOR, CONTACT_PERSON, ADMIN })
    public static final class Role {
    }

    /** Coordinators see every concern; a contact person only the ones assigned to them. */
    public boolean seesAllConcerns() {
        return roles.contains(COORDINATOR);
    }
}
