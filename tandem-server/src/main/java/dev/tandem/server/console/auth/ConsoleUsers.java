package dev.tandem.server.console.auth;

import dev.tandem.server.auth.SecretHasher;
import dev.tandem.server.domain.DomainException;
import dev.tandem.server.store.SqlErrors;
import org.jdbi.v3.core.Jdbi;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * Console users with salted PBKDF2 password hashes. Checking a password costs the same whether or not the user
 * exists, so response times do not reveal which usernames are taken.
 */
public final class ConsoleUsers {

    private final Jdbi jdbi;
    private final SecretHasher hasher;
    private final Clock clock;
    private final String decoyHash;

    public ConsoleUsers(Jdbi jdbi, SecretHasher hasher, Clock clock) {
        this.jdbi = jdbi;
        this.hasher = hasher;
        this.clock = clock;
        this.decoyHash = hasher.hash(Passwords.generate());
    }

    /**
     * Creates a user. One statement.
     *
     * @throws DomainException when the username or password breaks {@link CredentialRules} or the name is taken
     */
    public ConsoleUser create(String username, String password) {
        CredentialRules.usernameProblem(username).ifPresent(problem -> {
            throw DomainException.invalid(problem);
        });
        CredentialRules.passwordProblem(password).ifPresent(problem -> {
            throw DomainException.invalid(problem);
        });
        Instant now = clock.instant();
        try {
            long id = jdbi.withHandle(h -> h.createUpdate(
                            "INSERT INTO console_users (username, password_hash, created_at) VALUES (:u, :h, :now)")
                    .bind("u", username)
                    .bind("h", hasher.hash(password))
                    .bind("now", now)
                    .executeAndReturnGeneratedKeys("id")
                    .mapTo(Long.class)
                    .one());
            return new ConsoleUser(id, username, now, null);
        } catch (RuntimeException e) {
            if (SqlErrors.isUniqueViolation(e)) {
                throw DomainException.conflict("username: a console user named '" + username + "' already exists");
            }
            throw e;
        }
    }

    /**
     * Replaces a user's password (the demo re-issues its admin's password on every start).
     *
     * @throws DomainException when the password breaks {@link CredentialRules} or the user does not exist
     */
    public void setPassword(String username, String password) {
        CredentialRules.passwordProblem(password).ifPresent(problem -> {
            throw DomainException.invalid(problem);
        });
        int updated = jdbi.withHandle(h -> h.createUpdate(
                        "UPDATE console_users SET password_hash = :h WHERE username = :u")
                .bind("h", hasher.hash(password))
                .bind("u", username)
                .execute());
        if (updated == 0) {
            throw DomainException.notFound("username: no console user named '" + username + "'");
        }
    }

    /** The user whose password matches, with the login time recorded; empty for any mismatch. */
    public Optional<ConsoleUser> authenticate(String username, String password) {
        if (username == null || password == null || password.length() > CredentialRules.MAX_PASSWORD_LENGTH) {
            return Optional.empty();
        }
        Optional<Stored> stored = jdbi.withHandle(h -> h.createQuery(
                        "SELECT id, username, password_hash, created_at FROM console_users WHERE username = :u")
                .bind("u", username)
                .map((rs, ctx) -> new Stored(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, OffsetDateTime.class).toInstant()))
                .findOne());
        // Hash even for an unknown user so that both paths take as long.
        boolean matches = hasher.matches(password, stored.map(Stored::hash).orElse(decoyHash));
        if (stored.isEmpty() || !matches) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        jdbi.useHandle(h -> h.createUpdate("UPDATE console_users SET last_login_at = :now WHERE id = :id")
                .bind("now", now).bind("id", stored.get().id()).execute());
        return Optional.of(new ConsoleUser(stored.get().id(), stored.get().username(), stored.get().createdAt(), now));
    }

    /** Whether a user with this name exists. */
    public boolean exists(String username) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM console_users WHERE username = :u")
                .bind("u", username).mapTo(Long.class).one()) > 0;
    }

    /** How many users exist. */
    public long count() {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM console_users").mapTo(Long.class).one());
    }

    private record Stored(long id, String username, String hash, Instant createdAt) {
    }
}
