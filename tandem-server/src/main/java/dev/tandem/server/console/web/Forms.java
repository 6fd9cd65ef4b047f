package dev.tandem.server.console.web;

import dev.tandem.server.domain.DomainException;

import java.util.Optional;

/** Parsing of form and query values that names the field in every refusal. */
public final class Forms {

    private Forms() {
    }

    /** The trimmed value, or null when absent or blank. */
    public static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** A required whole number. */
    public static long requiredLong(String field, String value) {
        String text = trimmed(value);
        if (text == null) {
            throw DomainException.blank(field);
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw DomainException.invalid(field + ": '" + value + "' is not a whole number");
        }
    }

    /** A page number (1-based) from a query parameter; anything unreadable means the first page. */
    public static int page(String value) {
        try {
            return value == null ? 1 : Math.max(1, Integer.parseInt(value.trim()));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    /** A local path safe to redirect to after sign-in; anything else (other hosts, odd schemes) means "/". */
    public static String localPath(String next) {
        return Optional.ofNullable(next)
                .filter(path -> path.startsWith("/") && !path.startsWith("//") && !path.contains("\\")
                        && path.chars().noneMatch(Character::isISOControl))
                .orElse("/");
    }
}
