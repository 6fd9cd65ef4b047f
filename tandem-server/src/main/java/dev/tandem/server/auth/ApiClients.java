package dev.tandem.server.auth;

import dev.tandem.server.config.ApiClientSecret;
import org.jdbi.v3.core.Jdbi;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/** The API clients allowed to obtain access tokens; secrets are kept only as salted hashes. */
public final class ApiClients {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String DUMMY_HASH = new SecretHasher().hash("no such client");

    private final Jdbi jdbi;
    private final SecretHasher hasher;
    private final Clock clock;

    public ApiClients(Jdbi jdbi, SecretHasher hasher, Clock clock) {
        this.jdbi = jdbi;
        this.hasher = hasher;
        this.clock = clock;
    }

    /** Creates a client with a random id and secret; the secret is returned once and never stored in clear. */
    public NewApiClient create(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("API client name cannot be blank");
        }
        String clientId = UUID.randomUUID().toString();
        byte[] secretBytes = new byte[32];
        RANDOM.nextBytes(secretBytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(secretBytes);
        insert(clientId, name.trim(), secret);
        return new NewApiClient(clientId, name.trim(), secret);
    }

    /**
     * Makes sure the configured client exists with the configured secret: created when absent, re-keyed when the
     * secret changed (which also revokes its tokens), left alone otherwise.
     */
    public void ensure(ApiClientSecret configured) {
        Optional<String> stored = storedHash(configured.clientId());
        if (stored.isEmpty()) {
            insert(configured.clientId(), "bootstrap", configured.clientSecret());
        } else if (!hasher.matches(configured.clientSecret(), stored.get())) {
            String hash = hasher.hash(configured.clientSecret());
            jdbi.useTransaction(h -> {
                h.createUpdate("UPDATE api_clients SET secret_hash = :hash WHERE client_id = :id")
                        .bind("hash", hash).bind("id", configured.clientId()).execute();
                h.createUpdate("DELETE FROM access_tokens WHERE client_id = :id").bind("id", configured.clientId()).execute();
            });
        }
    }

    /** Whether the id names a client whose secret is {@code secret}. */
    public boolean verify(String clientId, String secret) {
        Optional<String> stored = storedHash(clientId);
        // Hash even for unknown clients so that response time does not reveal which ids exist.
        return hasher.matches(secret, stored.orElse(DUMMY_HASH)) && stored.isPresent();
    }

    private Optional<String> storedHash(String clientId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT secret_hash FROM api_clients WHERE client_id = :id")
                .bind("id", clientId).mapTo(String.class).findOne());
    }

    private void insert(String clientId, String name, String secret) {
        String hash = hasher.hash(secret);
        jdbi.useHandle(h -> h.createUpdate(
                        "INSERT INTO api_clients (client_id, name, secret_hash, created_at) VALUES (:id, :name, :hash, :now)")
                .bind("id", clientId).bind("name", name).bind("hash", hash).bind("now", clock.instant().atOffset(ZoneOffset.UTC))
                .execute());
    }
}
