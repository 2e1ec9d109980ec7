package dk.skp.staff.admin;

import dk.skp.model.vocabulary.ReporterRole;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A partner organisation that may submit through the partner API (exchange schema, shared with intake). */
@Entity
@Table(schema = "exchange", name = "partner")
public class PartnerEntity {

    @Id
    public String id;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "default_role", nullable = false)
    public ReporterRole defaultRole;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;
}
