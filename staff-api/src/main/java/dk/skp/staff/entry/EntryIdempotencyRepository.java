package dk.skp.staff.entry;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** staff.entry_idempotency: the concern each staff member's Idempotency-Key made. */
@ApplicationScoped
public class EntryIdempotencyRepository {

    /** What an earlier request with the same key asked for, and the concern it made. */
    public record Earlier(String requestHash, UUID concernId, Instant createdAt) {
    }

    /**
     * Claims the key for this request. A concurrent request with the same key waits here until the first one commits
     * or rolls back, so two tries can never both make a concern.
     *
     * @return true when the key was new (the caller goes on and attaches its concern); false when it was taken
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean claim(String subject, String key, String requestHash, Instant now) {
        return Panache.getEntityManager().createNativeQuery("""
                INSERT INTO staff.entry_idempotency (subject, key, request_hash, created_at)
                VALUES (:subject, :key, :hash, :now) ON CONFLICT DO NOTHING""")
                .setParameter("subject", subject).setParameter("key", key).setParameter("hash", requestHash)
                .setParameter("now", now).executeUpdate() == 1;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Earlier> find(String subject, String key) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = Panache.getEntityManager().createNativeQuery("""
                SELECT request_hash, concern_id, created_at FROM staff.entry_idempotency
                 WHERE subject = :subject AND key = :key""")
                .setParameter("subject", subject).setParameter("key", key).getResultList();
        return rows.stream().findFirst().map(row -> new Earlier((String) row[0], (UUID) row[1], (Instant) row[2]));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void attach(String subject, String key, UUID concernId) {
        Panache.getEntityManager().createNativeQuery(
                "UPDATE staff.entry_idempotency SET concern_id = :concern WHERE subject = :subject AND key = :key")
                .setParameter("concern", concernId).setParameter("subject", subject).setParameter("key", key)
                .executeUpdate();
    }

    /** Keys past their time give way: a key used again after that makes a new concern. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int deleteOlderThan(Instant cutoff) {
        return Panache.getEntityManager().createNativeQuery("DELETE FROM staff.entry_idempotency WHERE created_at < :cutoff")
                .setParameter("cutoff", cutoff).executeUpdate();
    }
}
