package dev.tandem.server.auth;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Issues and checks OAuth access tokens. Only a SHA-256 of each token is stored, in the shared database, so any node
 * accepts a token another node issued. A token is an HMAC of (client, issue instant) under the node key: a client
 * asking again while its token lives gets the same token back with the seconds it has left, as Marketo does. Nodes
 * configured with the same secret key share that behaviour; otherwise the client simply gets a fresh token.
 */
public final class AccessTokens {
    private static final String HMAC = "HmacSHA256";

    private final Jdbi jdbi;
    private final ApiClients clients;
    private final byte[] key;
    private final Duration ttl;
    private final Clock clock;

    public AccessTokens(Jdbi jdbi, ApiClients clients, byte[] key, Duration ttl, Clock clock) {
        this.jdbi = jdbi;
        this.clients = clients;
        this.key = key.clone();
        this.ttl = ttl;
        this.clock = clock;
    }

    /** A live token for valid credentials; empty when the client is unknown or the secret is wrong. */
    public Optional<IssuedToken> issue(String clientId, String clientSecret) {
        if (!clients.verify(clientId, clientSecret)) {
            return Optional.empty();
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        return Optional.of(jdbi.inTransaction(h -> reuseOrCreate(h, clientId, now)));
    }

    /** Whether {@code token} is live, expired, or not a token of this server. */
    public TokenCheck check(String token) {
        if (token == null || token.isBlank()) {
            return TokenCheck.INVALID;
        }
        Optional<OffsetDateTime> expiresAt = jdbi.withHandle(h -> h.createQuery(
                        "SELECT expires_at FROM access_tokens WHERE token_hash = :hash")
                .bind("hash", sha256(token)).mapTo(OffsetDateTime.class).findOne());
        if (expiresAt.isEmpty()) {
            return TokenCheck.INVALID;
        }
        return expiresAt.get().toInstant().isAfter(clock.instant()) ? TokenCheck.VALID : TokenCheck.EXPIRED;
    }

    private IssuedToken reuseOrCreate(Handle h, String clientId, Instant now) {
        Optional<TokenRow> live = h.createQuery("""
                        SELECT token_hash, issued_at, expires_at FROM access_tokens
                        WHERE client_id = :client AND expires_at > :now ORDER BY expires_at DESC LIMIT 1""")
                .bind("client", clientId).bind("now", utc(now))
                .map((rs, ctx) -> new TokenRow(rs.getString(1),
                        rs.getObject(2, OffsetDateTime.class).toInstant(), rs.getObject(3, OffsetDateTime.class).toInstant()))
                .findOne();
        if (live.isPresent()) {
            String token = derive(clientId, live.get().issuedAt());
            if (sha256(token).equals(live.get().hash())) {
                return new IssuedToken(token, Math.max(1, Duration.between(now, live.get().expiresAt()).toSeconds()));
            }
        }
        // Expired tokens are kept for a day so that clients still get 602 (expired) rather than 601 for them.
        h.createUpdate("DELETE FROM access_tokens WHERE client_id = :client AND expires_at < :cutoff")
                .bind("client", clientId).bind("cutoff", utc(now.minus(Duration.ofDays(1)))).execute();
        String token = derive(clientId, now);
        h.createUpdate("""
                        INSERT INTO access_tokens (token_hash, client_id, issued_at, expires_at)
                        VALUES (:hash, :client, :issued, :expires)""")
                .bind("hash", sha256(token)).bind("client", clientId)
                .bind("issued", utc(now)).bind("expires", utc(now.plus(ttl)))
                .execute();
        return new IssuedToken(token, ttl.toSeconds());
    }

    private String derive(String clientId, Instant issuedAt) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(key, HMAC));
            byte[] tag = mac.doFinal((clientId + "|" + issuedAt.toEpochMilli()).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(tag);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JDK lacks " + HMAC, e);
        }
    }

    static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JDK lacks SHA-256", e);
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private record TokenRow(String hash, Instant issuedAt, Instant expiresAt) {
    }
}
