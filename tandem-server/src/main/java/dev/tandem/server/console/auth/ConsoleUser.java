package dev.tandem.server.console.auth;

import java.time.Instant;

/** Someone who may sign in to the console; the password hash never leaves {@link ConsoleUsers}. */
public record ConsoleUser(long id, String username, Instant createdAt, Instant lastLoginAt) {
}
