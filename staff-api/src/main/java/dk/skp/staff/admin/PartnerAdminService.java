package dk.skp.staff.admin;

import dk.skp.model.exchange.Secrets;
import dk.skp.model.problem.ProblemException;
import dk.skp.model.problem.ProblemType;
import dk.skp.staff.core.AuditLog;
import dk.skp.staff.security.Viewer;
import dk.skp.staff.admin.PartnerViews.IssuedKey;
import dk.skp.staff.admin.PartnerViews.Key;
import dk.skp.staff.admin.PartnerViews.NewPartner;
import dk.skp.staff.admin.PartnerViews.Partner;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Partner organisations and their API keys. Keys are made here, shown once and stored only as a hash; intake
 * checks submissions against the hashes. Revoking takes effect at intake's next request.
 */
@ApplicationScoped
public class PartnerAdminService {

    private static final Logger LOG = Logger.getLogger(PartnerAdminService.class);

    private final Clock clock;
    private final AuditLog audit;

    public PartnerAdminService(Clock clock, AuditLog audit) {
        this.clock = clock;
        this.audit = audit;
    }

    @Transactional
    public Partner create(Viewer admin, NewPartner request) {
        EntityManager em = Panache.getEntityManager();
        if (em.find(PartnerEntity.class, request.id()) != null) {
            throw new ProblemException(ProblemType.CONFLICT, "partner.exists");
        }
        PartnerEntity partner = new PartnerEntity();
        partner.id = request.id();
        partner.name = request.name();
        partner.defaultRole = request.defaultRole();
        partner.createdAt = clock.instant();
        em.persist(partner);
        audit.record(admin, AuditLog.Action.PARTNER_CREATED, null, Map.of("partner", partner.id));
        LOG.infof("%s created partner %s", admin.subject(), partner.id);
        return view(partner, List.of());
    }

    @Transactional
    public List<Partner> list() {
        EntityManager em = Panache.getEntityManager();
        List<PartnerKeyEntity> keys = em.createQuery("from PartnerKeyEntity order by createdAt", PartnerKeyEntity.class)
                .getResultList();
        return em.createQuery("from PartnerEntity order by id", PartnerEntity.class).getResultStream()
                .map(p -> view(p, keys.stream().filter(k -> k.partnerId.equals(p.id)).toList()))
                .toList();
    }

    @Transactional
    public IssuedKey issueKey(Viewer admin, String partnerId) {
        PartnerEntity partner = live(partnerId);
        String key = Secrets.newApiKey();
        PartnerKeyEntity entity = new PartnerKeyEntity();
        entity.keyHash = Secrets.sha256(key);
        entity.partnerId = partner.id;
        entity.keyPrefix = Secrets.displayPrefix(key);
        entity.createdAt = clock.instant();
        Panache.getEntityManager().persist(entity);
        audit.record(admin, AuditLog.Action.PARTNER_KEY_ISSUED, null,
                Map.of("partner", partner.id, "keyPrefix", entity.keyPrefix));
        LOG.infof("%s issued key %s... for partner %s", admin.subject(), entity.keyPrefix, partner.id);
        return new IssuedKey(key, entity.keyPrefix, entity.createdAt);
    }

    @Transactional
    public void revokeKey(Viewer admin, String partnerId, String prefix) {
        List<PartnerKeyEntity> keys = Panache.getEntityManager().createQuery(
                "from PartnerKeyEntity where partnerId = :partner and keyPrefix = :prefix and revokedAt is null",
                PartnerKeyEntity.class).setParameter("partner", partnerId).setParameter("prefix", prefix).getResultList();
        if (keys.isEmpty()) {
            throw new ProblemException(ProblemType.NOT_FOUND, "partner.keyNotFound");
        }
        Instant now = clock.instant();
        keys.forEach(k -> k.revokedAt = now);
        audit.record(admin, AuditLog.Action.PARTNER_KEY_REVOKED, null, Map.of("partner", partnerId, "keyPrefix", prefix));
        LOG.infof("%s revoked key %s... of partner %s", admin.subject(), prefix, partnerId);
    }

    @Transactional
    public void revokePartner(Viewer admin, String partnerId) {
        PartnerEntity partner = live(partnerId);
        partner.revokedAt = clock.instant();
        audit.record(admin, AuditLog.Action.PARTNER_REVOKED, null, Map.of("partner", partnerId));
        LOG.infof("%s revoked partner %s and with it all its keys", admin.subject(), partnerId);
    }

    private static PartnerEntity live(String partnerId) {
        PartnerEntity partner = Panache.getEntityManager().find(PartnerEntity.class, partnerId);
        if (partner == null || partner.revokedAt != null) {
            throw new ProblemException(ProblemType.NOT_FOUND, "partner.notFound");
        }
        return partner;
    }

    private static Partner view(PartnerEntity p, List<PartnerKeyEntity> keys) {
        return new Partner(p.id, p.name, p.defaultRole, p.createdAt, p.revokedAt,
                keys.stream().map(k -> new Key(k.keyPrefix, k.createdAt, k.revokedAt)).toList());
    }
}
