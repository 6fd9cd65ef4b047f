package dev.tandem.core.token;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Reads the date a token holds: a date ({@code 2026-12-01}, its start in the subscription time zone), a local
 * date-time ({@code 2026-12-01T09:00}, in that zone) or a date-time with an offset ({@code 2026-12-01T09:00:00Z}).
 */
public final class TokenDate {

    private TokenDate() {
    }

    /** The instant {@code value} names in {@code zone}, or empty when it is no date. */
    public static Optional<Instant> parse(String value, ZoneId zone) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String text = value.trim();
        try {
            return Optional.of(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException ignored) {
            // Not a date-time with an offset; try the zone-less forms.
        }
        try {
            return Optional.of(LocalDateTime.parse(text).atZone(zone).toInstant());
        } catch (DateTimeParseException ignored) {
            // Not a local date-time either.
        }
        try {
            return Optional.of(LocalDate.parse(text).atStartOfDay(zone).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
