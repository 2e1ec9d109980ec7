package dk.skp.intake.repository;

import dk.skp.model.vocabulary.ReporterRole;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** Partner organisations and their API keys, as staff admins manage them in exchange.partner(_key). */
@ApplicationScoped
public class PartnerDirectory {

    private final AgroalDataSource dataSource;

    public PartnerDirectory(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public record Partner(String id, String name, ReporterRole defaultRole) {
    }

    /** The partner whose live key hashes to {@code keyHash}; revoked keys and revoked partners find nothing. */
    public Optional<Partner> findByKeyHash(String keyHash) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement select = c.prepareStatement("""
                SELECT p.id, p.name, p.default_role
                  FROM exchange.partner_key k JOIN exchange.partner p ON p.id = k.partner_id
                 WHERE k.key_hash = ? AND k.revoked_at IS NULL AND p.revoked_at IS NULL""")) {
            select.setString(1, keyHash);
            try (ResultSet row = select.executeQuery()) {
                return row.next()
                        ? Optional.of(new Partner(row.getString(1), row.getString(2), ReporterRole.valueOf(row.getString(3))))
                        : Optional.empty();
            }
        }
    }
}
