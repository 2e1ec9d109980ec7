package dk.skp.intake.repository;

import dk.skp.model.reference.ReferenceNumber;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** Hands out references that have never been used, in the caller's transaction. */
@ApplicationScoped
public class IssuedReferences {

    private static final int MAX_TRIES = 5;

    private final AgroalDataSource dataSource;

    public IssuedReferences(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public String issueNew() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO intake.issued_reference (reference) VALUES (?) ON CONFLICT DO NOTHING")) {
            // 40 random bits: a clash is rare, and a second one in a row rarer still.
            for (int i = 0; i < MAX_TRIES; i++) {
                String reference = ReferenceNumber.next();
                insert.setString(1, reference);
                if (insert.executeUpdate() == 1) {
                    return reference;
                }
            }
        }
        throw new IllegalStateException("no free reference after " + MAX_TRIES + " tries");
    }
}
