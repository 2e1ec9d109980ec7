package dk.skp.staff.overdue;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;

/** The days an overdue digest was written (staff.overdue_digest). */
@ApplicationScoped
public class OverdueDigestRepository {

    /**
     * Takes the day for the caller's transaction. A concurrent claim of the same day waits for this transaction: if it
     * commits, the other gets {@code false}; if it rolls back, the other gets the day.
     *
     * @return whether the day was still free
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean claim(LocalDate day, Instant sentAt, int concerns) {
        return Panache.getEntityManager().createNativeQuery("""
                INSERT INTO staff.overdue_digest (day, sent_at, concerns) VALUES (?1, ?2, ?3)
                ON CONFLICT (day) DO NOTHING""")
                .setParameter(1, day).setParameter(2, sentAt).setParameter(3, concerns)
                .executeUpdate() == 1;
    }
}
