package dev.tandem.core.automation;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses a Wait step's duration such as "4 hours" or "2 days". Marketo silently ignores a wait it cannot read
 * (e.g. "4 hrs"); Tandem refuses it when the flow is saved instead.
 */
public final class WaitDuration {

    /** Longest wait accepted. */
    public static final Duration MAX = Duration.ofDays(365);

    private static final Pattern FORMAT = Pattern.compile("(\\d{1,6})\\s+(minute|hour|day|week)s?");
    private static final Pattern NUMBER_AND_WORD = Pattern.compile("(\\d{1,6})\\s*([a-z.]+)");
    private static final Map<String, String> ABBREVIATIONS = Map.ofEntries(
            Map.entry("m", "minutes"), Map.entry("min", "minutes"), Map.entry("mins", "minutes"),
            Map.entry("h", "hours"), Map.entry("hr", "hours"), Map.entry("hrs", "hours"),
            Map.entry("d", "days"), Map.entry("dy", "days"), Map.entry("dys", "days"),
            Map.entry("w", "weeks"), Map.entry("wk", "weeks"), Map.entry("wks", "weeks"));

    private WaitDuration() {
    }

    /**
     * The duration of {@code text}: a whole number and one of minute(s), hour(s), day(s), week(s).
     *
     * @throws IllegalArgumentException naming the accepted form
     */
    public static Duration parse(String text) {
        String value = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        Matcher m = FORMAT.matcher(value);
        if (!m.matches()) {
            Matcher abbreviated = NUMBER_AND_WORD.matcher(value);
            if (abbreviated.matches() && ABBREVIATIONS.containsKey(abbreviated.group(2).replace(".", ""))) {
                String unit = ABBREVIATIONS.get(abbreviated.group(2).replace(".", ""));
                throw new IllegalArgumentException("'" + text + "' abbreviates the unit; write it in full, e.g. '"
                        + abbreviated.group(1) + " " + unit + "' (Marketo silently ignores a Wait step whose duration "
                        + "it cannot read; Tandem refuses it when the flow is saved)");
            }
            throw new IllegalArgumentException("'" + text + "' is not a duration; write e.g. '30 minutes', '4 hours', "
                    + "'2 days' or '1 week'");
        }
        long n = Long.parseLong(m.group(1));
        Duration duration = switch (m.group(2)) {
            case "minute" -> Duration.ofMinutes(n);
            case "hour" -> Duration.ofHours(n);
            case "day" -> Duration.ofDays(n);
            default -> Duration.ofDays(7 * n);
        };
        if (duration.isZero() || duration.compareTo(MAX) > 0) {
            throw new IllegalArgumentException("'" + text + "' must be more than 0 and at most 365 days");
        }
        return duration;
    }

    /**
     * A signed offset such as "1 day before" or "4 hours after" (a date-token wait ends that long before or after
     * the token's date).
     *
     * @throws IllegalArgumentException naming the accepted form
     */
    public static Duration parseOffset(String text) {
        String value = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        boolean before = value.endsWith(" before");
        if (!before && !value.endsWith(" after")) {
            throw new IllegalArgumentException("'" + text + "' is not an offset; write e.g. '1 day before' or "
                    + "'4 hours after'");
        }
        Duration amount = parse(value.substring(0, value.lastIndexOf(' ')));
        return before ? amount.negated() : amount;
    }

    /** The canonical text of an offset made by {@link #parseOffset(String)}. */
    public static String formatOffset(Duration offset) {
        return format(offset.abs()) + (offset.isNegative() ? " before" : " after");
    }

    /** The canonical text of a duration made by {@link #parse(String)}. */
    public static String format(Duration duration) {
        long minutes = duration.toMinutes();
        if (minutes % (7 * 24 * 60) == 0) {
            return plural(minutes / (7 * 24 * 60), "week");
        }
        if (minutes % (24 * 60) == 0) {
            return plural(minutes / (24 * 60), "day");
        }
        if (minutes % 60 == 0) {
            return plural(minutes / 60, "hour");
        }
        return plural(minutes, "minute");
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }
}
