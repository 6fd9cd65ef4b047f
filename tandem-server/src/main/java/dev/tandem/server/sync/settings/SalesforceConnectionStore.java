package dev.tandem.server.sync.settings;

import dev.tandem.server.sync.secrets.SecretCipher;
import org.jdbi.v3.core.Jdbi;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Keeps the one Salesforce connection in {@code salesforce_connection}, its secrets encrypted column by column
 * (each column name is bound into its ciphertext, so values cannot be swapped between columns).
 */
public final class SalesforceConnectionStore {

    private final Jdbi jdbi;
    private final SecretCipher cipher;

    /** A store over {@code jdbi}'s database, encrypting with {@code cipher}. */
    public SalesforceConnectionStore(Jdbi jdbi, SecretCipher cipher) {
        this.jdbi = jdbi;
        this.cipher = cipher;
    }

    /** The stored connection with its secrets decrypted, if one was configured. */
    public Optional<SalesforceConnection> load() {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT login_url, api_version, auth_mode, client_id,"
                        + " username, client_secret_enc, password_enc, private_key_enc, refresh_token_enc, updated_at"
                        + " FROM salesforce_connection WHERE id = 1")
                .map((rs, ctx) -> new SalesforceConnection(rs.getString(1), rs.getString(2),
                        SalesforceAuthMode.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5),
                        new SalesforceSecrets(
                                cipher.decrypt("client_secret_enc", rs.getString(6)),
                                cipher.decrypt("password_enc", rs.getString(7)),
                                cipher.decrypt("private_key_enc", rs.getString(8)),
                                cipher.decrypt("refresh_token_enc", rs.getString(9))),
                        rs.getObject(10, OffsetDateTime.class).toInstant()))
                .findOne());
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
