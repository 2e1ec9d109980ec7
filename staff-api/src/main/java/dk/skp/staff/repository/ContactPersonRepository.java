package dk.skp.staff.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class ContactPersonRepository implements PanacheRepositoryBase<ContactPersonEntity, UUID> {

    public Optional<ContactPersonEntity> findBySubject(String subject) {
        return find("subject", subject).firstResultOptional();
    }

    public List<ContactPersonEntity> allByName() {
        return list("order by name, id");
    }
}
