package dk.skp.staff.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.Session;

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
            getEntityManager().unwrap(Session.class).doWork(connection -> {
                try (PreparedStatement statement = connection.prepareStatement(
                        "SELECT subject, name FROM staff.contact_person WHERE subject = ANY (?)")) {
                    statement.setArray(1, connection.createArrayOf("text", wanted.toArray()));
                    try (ResultSet rows = statement.executeQuery()) {
                        while (rows.next()) {
                            names.put(rows.getString(1), rows.getString(2));
                        }
                    }
                }
            });
        }
        return names;
    }

    public List<ContactPersonEntity> allByName() {
        return list("order by name, id");
    }
}
