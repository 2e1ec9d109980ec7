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
     * one query. Looking up a subject that is not there, or null, gives null.
     */
    public Map<String, String> namesBySubject(Collection<String> subjects) {
        List<String> wanted = subjects.stream().filter(Objects::nonNull).distinct().toList();
        Map<String, String> names = new HashMap<>();
        if (!wanted.isEmpty()) {
            list("subject in ?1", wanted).forEach(p -> names.put(p.subject, p.name));
        }
        return names;
    }

    public List<ContactPersonEntity> allByName() {
        return list("order by name, id");
    }
}
