package dk.skp.staff.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class ContactPersonRepository implements PanacheRepositoryBase<ContactPersonEntity, UUID> {

    public Optional<ContactPersonEntity> findBySubject(String subject) {
        return find("subject", subject).firstResultOptional();
    }

    /**
     * Names of the registered contact persons among these subjects (nulls and repeats allowed: a page's assignees);
     * one query, by JDBC with the subjects as one array (the same text for any page, and no entities to load). Looking
     * up a subject that is not there, or null, gives null.
     */
    public Map<String, String> namesBySubject(Collection<String> subjects) {
        List<String> wanted = subjects.stream().filter(Objects::nonNull).distinct().toList();
        Map<String, String> names = new HashMap<>();
        if (!wanted.isEmpty()) {
            Jdbc.query(getEntityManager(), "SELECT subject, name FROM staff.contact_person WHERE subject = ANY (?)",
                    List.of(Jdbc.array("text", wanted)), row -> new String[] { row.getString(1), row.getString(2) })
                    .forEach(person -> names.put(person[0], person[1]));
        }
        return names;
    }

    public List<ContactPersonEntity> allByName() {
        return list("order by name, id");
    }
}
