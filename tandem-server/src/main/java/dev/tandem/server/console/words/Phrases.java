package dev.tandem.server.console.words;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** Small building blocks of the console's sentences: lists, ordinals, quoted values, times in a zone. */
public final class Phrases {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ENGLISH);

    private Phrases() {
    }

    /** "a", "a and b", "a, b and c". */
    public static String and(List<String> items) {
        return join(items, "and");
    }

    /** "a", "a or b", "a, b or c". */
    public static String or(List<String> items) {
        return join(items, "or");
    }

    private static String join(List<String> items, String word) {
        if (items.isEmpty()) {
            return "";
        }
        if (items.size() == 1) {
            return items.get(0);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " " + word + " " + items.get(items.size() - 1);
    }

    /** 1st, 2nd, 3rd, 4th, …, 11th, 12th, 13th, 21st. */
    public static String ordinal(int n) {
        int lastTwo = n % 100;
        if (lastTwo >= 11 && lastTwo <= 13) {
            return n + "th";
        }
        return n + switch (n % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
    }

    /** A value in curly quotes: “Registered”. */
    public static String quoted(String value) {
        return "“" + value + "”";
    }

    /** A moment in a zone with its weekday: "Tue 2026-12-01 09:00 Europe/Paris". */
    public static String dateTime(Instant instant, ZoneId zone) {
        return DATE_TIME.format(instant.atZone(zone)) + " " + zone(zone);
    }

    /** A zone's name as people read it: "Europe/Paris", and "UTC" for the offset zero (whose id is "Z"). */
    public static String zone(ZoneId zone) {
        return zone.equals(ZoneOffset.UTC) ? "UTC" : zone.getId();
    }

    /** The date of a moment in a zone: "2026-12-01". */
    public static String date(Instant instant, ZoneId zone) {
        return DATE.format(instant.atZone(zone));
    }
}
