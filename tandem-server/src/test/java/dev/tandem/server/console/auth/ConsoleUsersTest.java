package dev.tandem.server.console.auth;

import dev.tandem.server.auth.SecretHasher;
import dev.tandem.server.domain.DomainException;
import dev.tandem.server.http.MutableClock;
import dev.tandem.server.http.TestDatabases;
import dev.tandem.server.store.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConsoleUsersTest {
    private final TestDatabases.TestDatabase db = TestDatabases.create(TestDatabases.Kind.H2);
    private final Database database = Database.open(db.url(), db.user(), db.password());
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T10:00:00Z"));
    private final ConsoleUsers users = new ConsoleUsers(database.jdbi(), new SecretHasher(1000), clock);
    private final ConsoleSessions sessions = new ConsoleSessions(database.jdbi(), clock);

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void thePasswordIsStoredOnlyAsASaltedHash() {
        users.create("alice", "a very long password");
        users.create("bob", "a very long password");

        var hashes = database.jdbi().withHandle(h -> h.createQuery("SELECT password_hash FROM console_users")
                .mapTo(String.class).list());
        assertThat(hashes).hasSize(2).allMatch(hash -> hash.startsWith("pbkdf2-sha256$"))
                .noneMatch(hash -> hash.contains("a very long password"));
        assertThat(hashes.get(0)).isNotEqualTo(hashes.get(1));
    }

    @Test
    void onlyTheRightPasswordAuthenticates() {
        users.create("alice", "a very long password");

        assertThat(users.authenticate("alice", "a very long password")).isPresent();
        assertThat(users.authenticate("alice", "a very long passworD")).isEmpty();
        assertThat(users.authenticate("mallory", "a very long password")).isEmpty();
    }

    @Test
    void aShortPasswordOrOddUsernameIsRefusedNamingTheField() {
        assertThatThrownBy(() -> users.create("alice", "short")).isInstanceOf(DomainException.class)
                .hasMessageStartingWith("password: must be at least 12 characters");
        assertThatThrownBy(() -> users.create("a b", "a very long password")).isInstanceOf(DomainException.class)
                .hasMessageStartingWith("username:");
        assertThat(users.count()).isZero();
    }

    @Test
    void aTakenUsernameIsAConflict() {
        users.create("alice", "a very long password");

        assertThatThrownBy(() -> users.create("alice", "another long password"))
                .isInstanceOf(DomainException.class).hasMessageContaining("already exists");
    }

    @Test
    void aNewPasswordReplacesTheOldOne() {
        users.create("admin", "the first password");

        users.setPassword("admin", "the second password");

        assertThat(users.authenticate("admin", "the first password")).isEmpty();
        assertThat(users.authenticate("admin", "the second password")).isPresent();
    }

    @Test
    void aSessionIsFoundByItsTokenUntilItExpiresOrIsClosed() {
        ConsoleUser alice = users.create("alice", "a very long password");
        String token = sessions.open(alice);

        ConsoleSession session = sessions.find(token).orElseThrow();
        assertThat(session.username()).isEqualTo("alice");
        assertThat(sessions.find(token + "x")).isEmpty();

        clock.advance(ConsoleSessions.LIFETIME.plus(Duration.ofSeconds(1)));
        assertThat(sessions.find(token)).isEmpty();

        String second = sessions.open(alice);
        sessions.close(sessions.find(second).orElseThrow());
        assertThat(sessions.find(second)).isEmpty();
    }

    @Test
    void theCookieTokenIsNotStoredAndTheCsrfTokenMustMatchExactly() {
        String token = sessions.open(users.create("alice", "a very long password"));
        ConsoleSession session = sessions.find(token).orElseThrow();

        long stored = database.jdbi().withHandle(h -> h.createQuery(
                "SELECT COUNT(*) FROM console_sessions WHERE token_hash = :t").bind("t", token).mapTo(Long.class).one());
        assertThat(stored).isZero();
        assertThat(ConsoleSessions.csrfMatches(session, session.csrfToken())).isTrue();
        assertThat(ConsoleSessions.csrfMatches(session, session.csrfToken().substring(1))).isFalse();
        assertThat(ConsoleSessions.csrfMatches(session, null)).isFalse();
    }

    @Test
    void aFlashMessageIsShownOnce() {
        ConsoleSession session = sessions.find(sessions.open(users.create("alice", "a very long password")))
                .orElseThrow();
        sessions.flash(session, Flash.success("Saved."));

        assertThat(sessions.takeFlash(session)).contains(Flash.success("Saved."));
        assertThat(sessions.takeFlash(session)).isEmpty();
    }
}
