package dk.skp.staff.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A member of the team who goes out to people; concerns are assigned to their OIDC subject. */
@Entity
@Table(name = "contact_person")
public class ContactPersonEntity {

    @Id
    public UUID id;

    @Column(nullable = false, updatable = false)
    public String subject;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String email;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    public List<String> districts;

    /** How many open concerns they can hold at once. */
    @Column(nullable = false)
    public int capacity;

    /** Away up to and including this day (holiday, illness); null when present. */
    @Column(name = "absent_until")
    public LocalDate absentUntil;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    public boolean absentOn(LocalDate day) {
        return absentUntil != null && !absentUntil.isBefore(day);
    }
}
