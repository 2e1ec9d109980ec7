package dk.skp.staff.repository;

import dk.skp.model.vocabulary.PublicStatus;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;

/** exchange.reporter_status: the coarse status that intake shows a reporter who asked for updates. */
@ApplicationScoped
public class ReporterStatusRepository {

    /**
     * Sets the status in the caller's transaction, so a reporter never sees a change that was rolled back. Only a
     * different status moves status_changed_at: steps inside IN_PROGRESS must not show as activity to the reporter.
     * No row means the reporter did not ask for updates, and nothing happens.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(String reference, PublicStatus status, Instant at) {
        Panache.getEntityManager().createNativeQuery("""
                UPDATE exchange.reporter_status SET status = :status, status_changed_at = :at
                 WHERE reference = :reference AND status IS DISTINCT FROM :status""")
                .setParameter("status", status.name())
                .setParameter("at", at)
                .setParameter("reference", reference)
                .executeUpdate();
    }
}
