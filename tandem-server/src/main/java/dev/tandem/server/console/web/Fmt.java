package dev.tandem.server.console.web;

import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Formatting helpers the templates call: times in UTC, counts with separators, money in whole units. */
public final class Fmt {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    private Fmt() {
    }

    /** A timestamp in UTC, or a dash. */
    public static String time(Instant instant) {
        return instant == null ? "—" : TIME.format(instant);
    }

    /** A date in UTC, or a dash. */
    public static String date(Instant instant) {
        return instant == null ? "—" : DATE.format(instant);
    }

    /** An ISO timestamp for {@code <time datetime>}. */
    public static String iso(Instant instant) {
        return instant == null ? "" : instant.toString();
    }

    /** A count with thousands separators. */
    public static String count(long value) {
        return NumberFormat.getIntegerInstance(Locale.US).format(value);
    }

    /** An amount of money (whole units, as Marketo period costs are). */
    public static String money(long amount) {
        return "$" + count(amount);
    }

    /** A duration between two instants, short ("1.2 s", "3 min"); a dash while unfinished. */
    public static String duration(Instant start, Instant end) {
        if (start == null || end == null) {
            return "—";
        }
        Duration d = Duration.between(start, end);
        if (d.toMillis() < 1000) {
            return d.toMillis() + " ms";
        }
        if (d.toSeconds() < 120) {
            return String.format(Locale.US, "%.1f s", d.toMillis() / 1000.0);
        }
        return d.toMinutes() + " min";
    }

    /** A value encoded for a URL query parameter. */
    public static String url(String value) {
        return java.net.URLEncoder.encode(value == null ? "" : value, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** A value or a dash when absent. */
    public static String orDash(Object value) {
        return value == null || value.toString().isBlank() ? "—" : value.toString();
    }

    /** A percentage of {@code part} in {@code whole}, bounded to 0..100. */
    public static int percent(long part, long whole) {
        if (whole <= 0) {
            return 0;
        }
        return (int) Math.max(0, Math.min(100, Math.round(100.0 * part / whole)));
    }
}
