package dk.skp.staff.admin;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One API key of a partner; only its SHA-256 is stored. */
@Entity
@Table(schema = "exchange", name = "partner_key")
public class PartnerKeyEntity {

    @Id
    @Column(name = "key_hash")
    public String keyHash;

    @Column(name = "partner_id", nullable = false)
    public String partnerId;

    @Column(name = "key_prefix", nullable = false)
    public String keyPrefix;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;
}
