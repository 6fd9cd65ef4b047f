package dev.tandem.server.console.auth;

import java.time.Instant;

/** A signed-in browser: who it is, the token every form must echo, and when the session ends. */
public record ConsoleSession(String tokenHash, long userId, String username, String csrfToken, Instant expiresAt) {
}
