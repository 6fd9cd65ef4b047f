package dev.tandem.server.console.auth;

import java.util.Optional;
import java.util.regex.Pattern;

/** What a console username and password must look like; each check answers with the problem, naming the field. */
public final class CredentialRules {

    /** Shortest password accepted: long passphrases beat complexity rules. */
    public static final int MIN_PASSWORD_LENGTH = 12;
    /** Longest password accepted (PBKDF2 cost grows with length; nobody needs more). */
    public static final int MAX_PASSWORD_LENGTH = 200;

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{3,64}");

    private CredentialRules() {
    }

    /** The problem with {@code username}, if any. */
    public static Optional<String> usernameProblem(String username) {
        if (username == null || username.isBlank()) {
            return Optional.of("username: cannot be blank");
        }
        if (!USERNAME.matcher(username).matches()) {
            return Optional.of("username: use 3 to 64 letters, digits or . _ @ -");
        }
        return Optional.empty();
    }

    /** The problem with {@code password}, if any. */
    public static Optional<String> passwordProblem(String password) {
        if (password == null || password.isEmpty()) {
            return Optional.of("password: cannot be blank");
        }
        if (password.length() < MIN_PASSWORD_LENGTH) {
            return Optional.of("password: must be at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        if (password.length() > MAX_PASSWORD_LENGTH) {
            return Optional.of("password: must be at most " + MAX_PASSWORD_LENGTH + " characters");
        }
        return Optional.empty();
    }
}
