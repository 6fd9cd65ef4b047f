package dev.tandem.server.automation.model;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * A batch campaign's recurrence: first run at {@code startAt}, then every {@code interval} days, weeks or months,
 * until {@code endAt} (null: no end). Times are UTC.
 */
public record Recurrence(Instant startAt, IntervalType intervalType, int interval, Instant endAt) {

    /** Marketo's {@code intervalType}. */
    public enum IntervalType {
        DAILY, WEEKLY, MONTHLY;

        /** Parses "Daily", "Weekly" or "Monthly", ignoring case. */
        public static IntervalType parse(String value) {
            try {
                return valueOf(value.trim().toUpperCase(Locale.ROOT));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("'" + value + "' is not one of Daily, Weekly, Monthly");
            }
        }
    }

    public Recurrence {
        if (startAt == null || intervalType == null) {
            throw new IllegalArgumentException("startAt and intervalType: required");
        }
        if (interval < 1) {
            throw new IllegalArgumentException("interval: must be 1 or more, was " + interval);
        }
        if (endAt != null && endAt.isBefore(startAt)) {
            throw new IllegalArgumentException("endAt: must not be before startAt");
        }
    }

    /** The run after {@code previous}, or null when the recurrence has ended. */
    public Instant after(Instant previous) {
        var at = previous.atOffset(ZoneOffset.UTC);
        Instant next = switch (intervalType) {
            case DAILY -> at.plusDays(interval).toInstant();
            case WEEKLY -> at.plusWeeks(interval).toInstant();
            case MONTHLY -> at.plusMonths(interval).toInstant();
        };
        return endAt != null && next.isAfter(endAt) ? null : next;
    }
}
