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

    /**
     * A status row for a reporter a staff member gave a passcode to, as intake makes one for a reporter who asks for
     * updates: only the passcode's hash, status RECEIVED.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void insert(String reference, String passcodeHash) {
        Panache.getEntityManager().createNativeQuery(
                "INSERT INTO exchange.reporter_status (reference, passcode_hash) VALUES (:reference, :hash)")
                .setParameter("reference", reference)
                .setParameter("hash", passcodeHash)
                .executeUpdate();
    }

    /** A new passcode for the reporter instead of the old one, which stops working; false when there is no row. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean replacePasscode(String reference, String passcodeHash) {
        return Panache.getEntityManager().createNativeQuery("""
                UPDATE exchange.reporter_status SET passcode_hash = :hash, failed_attempts = 0, locked_until = NULL
                 WHERE reference = :reference""")
                .setParameter("reference", reference)
                .setParameter("hash", passcodeHash)
                .executeUpdate() == 1;
    }

    /** Whether a reference is taken by a status row (intake's concerns still on the queue have one too). */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean exists(String reference) {
        return !Panache.getEntityManager().createNativeQuery(
                "SELECT 1 FROM exchange.reporter_status WHERE reference = :reference")
                .setParameter("reference", reference).getResultList().isEmpty();
    }
}
