package dk.skp.staff.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ContactAttemptRepository implements PanacheRepositoryBase<ContactAttemptEntity, UUID> {

    /** Newest first: the latest attempt and its next step are what the team looks at. */
    public List<ContactAttemptEntity> forConcern(UUID concernId) {
        return list("concernId = ?1 order by attemptedAt desc, recordedAt desc", concernId);
    }

    public long countForConcern(UUID concernId) {
        return count("concernId", concernId);
    }
}
