package dev.tandem.core.automation;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * How often one person may run through a smart campaign's flow: once (Marketo's default), every time, or once
 * every N hours, days, weeks or months, counted in hours (a day is 24 h, a week 168 h, a month 720 h).
 *
 * @param interval N for {@link Kind#INTERVAL}, else 0
 * @param unit     the unit of N for {@link Kind#INTERVAL}, else null
 */
public record QualificationRule(Kind kind, int interval, Unit unit) {

    /** Marketo's {@code qualificationRuleType}. */
    public enum Kind {
        ONCE("once"), EVERY_TIME("any"), INTERVAL("interval");

        private final String apiName;

        Kind(String apiName) {
            this.apiName = apiName;
        }

        /** The name Marketo's API uses. */
        public String apiName() {
            return apiName;
        }

        /** Parses Marketo's name ("once", "any", "interval") or Tandem's ("every time"), ignoring case. */
        public static Kind parse(String value) {
            String wanted = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
            return switch (wanted) {
                case "once" -> ONCE;
                case "any", "every time", "everytime", "every_time" -> EVERY_TIME;
                case "interval" -> INTERVAL;
                default -> throw new IllegalArgumentException("'" + value
                        + "' is not a qualification rule (once, every time, interval)");
            };
        }
    }

    /** Marketo's {@code qualificationRuleUnit}, with its length in hours. */
    public enum Unit {
        HOUR(1), DAY(24), WEEK(168), MONTH(720);

        private final int hours;

        Unit(int hours) {
            this.hours = hours;
        }

        /** The unit's length in hours. */
        public int hours() {
            return hours;
        }

        /** Parses "hour", "day", "week", "month" (a trailing "s" is accepted), ignoring case. */
        public static Unit parse(String value) {
            String wanted = value == null ? "" : value.trim().toUpperCase(Locale.ROOT);
            if (wanted.endsWith("S")) {
                wanted = wanted.substring(0, wanted.length() - 1);
            }
            try {
                return valueOf(wanted);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("'" + value + "' is not a unit (hour, day, week, month)");
            }
        }
    }

    public QualificationRule {
        if (kind == null) {
            throw new IllegalArgumentException("type: must not be null");
        }
        if (kind == Kind.INTERVAL) {
            if (interval < 1) {
                throw new IllegalArgumentException("interval: must be 1 or more, was " + interval);
            }
            if (unit == null) {
                throw new IllegalArgumentException("unit: required for an interval rule");
            }
        } else {
            interval = 0;
            unit = null;
        }
    }

    /** Only once per person (the default). */
    public static QualificationRule once() {
        return new QualificationRule(Kind.ONCE, 0, null);
    }

    /** Every time the person qualifies. */
    public static QualificationRule everyTime() {
        return new QualificationRule(Kind.EVERY_TIME, 0, null);
    }

    /** At most once every {@code interval} units. */
    public static QualificationRule every(int interval, Unit unit) {
        return new QualificationRule(Kind.INTERVAL, interval, unit);
    }

    /** The waiting time of an interval rule. */
    public Duration period() {
        return kind == Kind.INTERVAL ? Duration.ofHours((long) interval * unit.hours()) : Duration.ZERO;
    }

    /**
     * Whether a person may run through the flow at {@code now}.
     *
     * @param lastQualifiedAt when the person last ran through this campaign's flow, or null if never
     */
    public boolean qualifies(Instant lastQualifiedAt, Instant now) {
        if (lastQualifiedAt == null) {
            return true;
        }
        return switch (kind) {
            case ONCE -> false;
            case EVERY_TIME -> true;
            case INTERVAL -> !now.isBefore(lastQualifiedAt.plus(period()));
        };
    }
}
