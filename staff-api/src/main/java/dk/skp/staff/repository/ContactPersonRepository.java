package dk.skp.staff.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class ContactPersonRepository implements PanacheRepositoryBase<ContactPersonEntity, UUID> {

    public Optional<ContactPersonEntity> findBySubject(String subject) {
        return find("subject", subject).firstResultOptional();
    }

    /** Names of the registered contact persons among these subjects. */
    public Map<String, String> namesBySubject(List<String> subjects) {
        return subjects.isEmpty() ? Map.of()
                : list("subject in ?1", subjects).stream().collect(Collectors.toMap(p -> p.subject, p -> p.name));
    }

    public List<ContactPersonEntity> allByName() {
        return list("order by name, id");
    }
}
