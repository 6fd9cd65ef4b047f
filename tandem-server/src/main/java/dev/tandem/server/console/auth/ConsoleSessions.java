package dev.tandem.server.console.auth;

import org.jdbi.v3.core.Jdbi;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Console sessions kept in the database (so every node knows them): the browser holds a random token, the table
 * only its SHA-256 hash. Each session carries its own CSRF token.
 */
public final class ConsoleSessions {

    /** How long a session lasts after sign-in. */
    public static final Duration LIFETIME = Duration.ofHours(12);

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Jdbi jdbi;
    private final Clock clock;

    public ConsoleSessions(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** Starts a session for the user and returns the token for the cookie (shown nowhere else). */
    public String open(ConsoleUser user) {
        String token = randomToken();
        Instant now = clock.instant();
        jdbi.useTransaction(h -> {
            h.createUpdate("DELETE FROM console_sessions WHERE expires_at < :now").bind("now", now).execute();
            h.createUpdate("INSERT INTO console_sessions (token_hash, user_id, csrf_token, created_at, expires_at)"
                            + " VALUES (:hash, :user, :csrf, :now, :expires)")
                    .bind("hash", hash(token))
                    .bind("user", user.id())
                    .bind("csrf", randomToken())
                    .bind("now", now)
                    .bind("expires", now.plus(LIFETIME))
                    .execute();
        });
        return token;
    }

    /** The live session for a cookie token; empty when unknown or expired. */
    public Optional<ConsoleSession> find(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT s.token_hash, s.user_id, u.username, s.csrf_token, s.expires_at"
                                + " FROM console_sessions s JOIN console_users u ON u.id = s.user_id"
                                + " WHERE s.token_hash = :hash AND s.expires_at > :now")
                .bind("hash", hash(token))
                .bind("now", clock.instant())
                .map((rs, ctx) -> new ConsoleSession(rs.getString(1), rs.getLong(2), rs.getString(3),
                        rs.getString(4), rs.getObject(5, OffsetDateTime.class).toInstant()))
                .findOne());
    }

    /** Ends the session. */
    public void close(ConsoleSession session) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM console_sessions WHERE token_hash = :hash")
                .bind("hash", session.tokenHash()).execute());
    }

    /** Keeps a message for the next page this session shows. */
    public void flash(ConsoleSession session, Flash flash) {
        String message = flash.message().length() > 2000 ? flash.message().substring(0, 1997) + "..." : flash.message();
        jdbi.useHandle(h -> h.createUpdate(
                        "UPDATE console_sessions SET flash_kind = :kind, flash_message = :message WHERE token_hash = :hash")
                .bind("kind", flash.kind().name())
                .bind("message", message)
                .bind("hash", session.tokenHash())
                .execute());
    }

    /** The pending message, removed as it is read. */
    public Optional<Flash> takeFlash(ConsoleSession session) {
        return jdbi.inTransaction(h -> {
            Optional<Flash> flash = h.createQuery(
                            "SELECT flash_kind, flash_message FROM console_sessions WHERE token_hash = :hash"
                                    + " AND flash_kind IS NOT NULL")
                    .bind("hash", session.tokenHash())
                    .map((rs, ctx) -> new Flash(Flash.Kind.valueOf(rs.getString(1)), rs.getString(2)))
                    .findOne();
            if (flash.isPresent()) {
                h.createUpdate("UPDATE console_sessions SET flash_kind = NULL, flash_message = NULL"
                        + " WHERE token_hash = :hash").bind("hash", session.tokenHash()).execute();
            }
            return flash;
        });
    }

    /** Whether a submitted CSRF token is this session's, compared in constant time. */
    public static boolean csrfMatches(ConsoleSession session, String submitted) {
        if (submitted == null) {
            return false;
        }
        return MessageDigest.isEqual(session.csrfToken().getBytes(StandardCharsets.UTF_8),
                submitted.getBytes(StandardCharsets.UTF_8));
    }

    private static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The JDK lacks SHA-256", e);
        }
    }
}
