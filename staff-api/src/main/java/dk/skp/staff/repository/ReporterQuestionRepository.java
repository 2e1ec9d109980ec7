package dk.skp.staff.repository;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Questions to reporters: staff.concern_question (who asked, the answer) and exchange.reporter_question (the text
 * intake shows, and whether it is answered). Every method runs in the caller's transaction.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ReporterQuestionRepository {

    /** A question as the team sees it: staff's row with the text from the exchange. */
    public record Asked(ConcernQuestionEntity question, String text) {
    }

    /** Whether the reporter holds a passcode for the status page (they asked for status updates). */
    public boolean hasStatusLookup(String reference) {
        return !em().createNativeQuery("SELECT 1 FROM exchange.reporter_status WHERE reference = :reference")
                .setParameter("reference", reference).getResultList().isEmpty();
    }

    public boolean hasOpenQuestion(String reference) {
        return !em().createNativeQuery(
                "SELECT 1 FROM exchange.reporter_question WHERE reference = :reference AND answered_at IS NULL")
                .setParameter("reference", reference).getResultList().isEmpty();
    }

    /** Both halves of a new question; the unique index on open questions turns a concurrent second one into an error. */
    public void insert(ConcernQuestionEntity question, String reference, String text) {
        em().createNativeQuery("""
                INSERT INTO exchange.reporter_question (id, reference, question, asked_at) VALUES (:id, :reference, :text, :at)""")
                .setParameter("id", question.id)
                .setParameter("reference", reference)
                .setParameter("text", text)
                .setParameter("at", question.askedAt)
                .executeUpdate();
        em().persist(question);
        em().flush();
    }

    public List<Asked> forConcern(UUID concernId) {
        List<ConcernQuestionEntity> rows = em().createQuery(
                "from ConcernQuestionEntity where concernId = :id order by askedAt, id", ConcernQuestionEntity.class)
                .setParameter("id", concernId).getResultList();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<UUID, String> texts = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> found = em().createNativeQuery("SELECT id, question FROM exchange.reporter_question WHERE id IN (:ids)")
                .setParameter("ids", rows.stream().map(q -> q.id).toList()).getResultList();
        for (Object[] row : found) {
            texts.put(row[0] instanceof UUID id ? id : UUID.fromString(row[0].toString()), (String) row[1]);
        }
        return rows.stream().map(q -> new Asked(q, texts.get(q.id))).toList();
    }

    /** Locks the question until the caller's transaction ends, so a redelivered answer waits and then finds it answered. */
    public ConcernQuestionEntity findForUpdate(UUID id) {
        return em().find(ConcernQuestionEntity.class, id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
    }

    /** Marks answers nobody of the team has read yet as read now; returns how many. */
    public int markAnswersRead(UUID concernId, Instant at) {
        return em().createQuery("""
                update ConcernQuestionEntity set answerReadAt = :at
                 where concernId = :id and answerReceivedAt is not null and answerReadAt is null""")
                .setParameter("at", at).setParameter("id", concernId).executeUpdate();
    }

    /** Which of these concerns have an answer that nobody of the team has read yet. */
    public Set<UUID> withUnreadAnswers(Collection<UUID> concernIds) {
        Set<UUID> unread = new HashSet<>();
        if (concernIds.isEmpty()) {
            return unread;
        }
        // By JDBC with the ids as one array: the same text for any page (an HQL "in" is translated anew for each size).
        unread.addAll(Jdbc.query(em(), "SELECT concern_id FROM staff.concern_question"
                + " WHERE concern_id = ANY (?) AND answer_received_at IS NOT NULL AND answer_read_at IS NULL",
                List.of(Jdbc.array("uuid", concernIds)), row -> row.getObject(1, UUID.class)));
        return unread;
    }

    /**
     * Erases every question and answer of these concerns, on both sides, and any mail still waiting to tell their
     * reporters of a question (it holds the reporter's address).
     */
    public void eraseFor(Collection<UUID> concernIds, Collection<String> references) {
        em().createNativeQuery("DELETE FROM staff.concern_question WHERE concern_id IN (:ids)")
                .setParameter("ids", concernIds).executeUpdate();
        em().createNativeQuery("DELETE FROM exchange.reporter_question WHERE reference IN (:references)")
                .setParameter("references", references).executeUpdate();
        em().createNativeQuery("DELETE FROM staff.mail_outbox WHERE kind = 'REPORTER_QUESTION' AND reference IN (:references)")
                .setParameter("references", references).executeUpdate();
    }

    private static EntityManager em() {
        return Panache.getEntityManager();
    }
}
