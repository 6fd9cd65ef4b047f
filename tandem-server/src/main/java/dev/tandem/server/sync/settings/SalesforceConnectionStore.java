package dev.tandem.server.sync.settings;

import dev.tandem.salesforce.AuthMode;
import dev.tandem.server.sync.secrets.SecretCipher;
import org.jdbi.v3.core.Jdbi;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Keeps the one Salesforce connection in {@code salesforce_connection}, its secrets encrypted column by column
 * (each column name is bound into its ciphertext, so values cannot be swapped between columns).
 */
public final class SalesforceConnectionStore {

    private final Jdbi jdbi;
    private final Supplier<SecretCipher> ciphers;

    /**
     * A store over {@code jdbi}'s database, encrypting with the cipher {@code ciphers} supplies; it is asked only
     * when a secret is read or written, so a server that never stores a connection never needs a key.
     */
    public SalesforceConnectionStore(Jdbi jdbi, Supplier<SecretCipher> ciphers) {
        this.jdbi = jdbi;
        this.ciphers = ciphers;
    }

    /** The stored connection with its secrets decrypted, if one was configured. */
    public Optional<SalesforceConnection> load() {
        Optional<String[]> row = jdbi.withHandle(handle -> handle.createQuery("SELECT login_url, api_version,"
                        + " auth_mode, client_id, username, client_secret_enc, password_enc, private_key_enc,"
                        + " refresh_token_enc, updated_at FROM salesforce_connection WHERE id = 1")
                .map((rs, ctx) -> new String[]{rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                        rs.getObject(10, OffsetDateTime.class).toInstant().toString()})
                .findOne());
        return row.map(this::decrypt);
    }

    private SalesforceConnection decrypt(String[] row) {
        SecretCipher cipher = ciphers.get();
        return new SalesforceConnection(row[0], row[1], AuthMode.valueOf(row[2]), row[3], row[4],
                new SalesforceSecrets(
                        cipher.decrypt("client_secret_enc", row[5]),
                        cipher.decrypt("password_enc", row[6]),
                        cipher.decrypt("private_key_enc", row[7]),
                        cipher.decrypt("refresh_token_enc", row[8])),
                Instant.parse(row[9]));
    }

    /** When the stored connection last changed, without decrypting anything; empty when none is stored. */
    public Optional<Instant> updatedAt() {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT updated_at FROM salesforce_connection WHERE id = 1")
                .map((rs, ctx) -> rs.getObject(1, OffsetDateTime.class).toInstant())
                .findOne());
    }

    /** Replaces the stored connection in one transaction. */
    public void save(SalesforceConnection connection) {
        SalesforceSecrets secrets = connection.secrets();
        SecretCipher cipher = ciphers.get();
        jdbi.useTransaction(handle -> {
            handle.createUpdate("DELETE FROM salesforce_connection WHERE id = 1").execute();
            handle.createUpdate("INSERT INTO salesforce_connection (id, login_url, api_version, auth_mode, client_id,"
                            + " username, client_secret_enc, password_enc, private_key_enc, refresh_token_enc,"
                            + " updated_at) VALUES (1, :loginUrl, :apiVersion, :authMode, :clientId, :username,"
                            + " :clientSecret, :password, :privateKey, :refreshToken, :updatedAt)")
                    .bind("loginUrl", connection.loginUrl())
                    .bind("apiVersion", connection.apiVersion())
                    .bind("authMode", connection.authMode().name())
                    .bind("clientId", connection.clientId())
                    .bind("username", connection.username())
                    .bind("clientSecret", cipher.encrypt("client_secret_enc", secrets.clientSecret()))
                    .bind("password", cipher.encrypt("password_enc", secrets.password()))
                    .bind("privateKey", cipher.encrypt("private_key_enc", secrets.privateKey()))
                    .bind("refreshToken", cipher.encrypt("refresh_token_enc", secrets.refreshToken()))
                    .bind("updatedAt", OffsetDateTime.ofInstant(connection.updatedAt(), ZoneOffset.UTC))
                    .execute();
        });
    }
}
