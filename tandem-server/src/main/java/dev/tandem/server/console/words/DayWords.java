package dev.tandem.server.console.words;

import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Days of the week in words: "Mon–Fri", "Mon, Wed, Fri", "Monday and Thursday". */
public final class DayWords {

    private DayWords() {
    }

    /**
     * Short names with runs of three or more consecutive days (Monday first) joined by a dash, e.g. "Mon–Fri",
     * "Mon, Wed–Fri"; every day is "any day".
     */
    public static String shortRanges(Set<DayOfWeek> days) {
        if (days.size() == DayOfWeek.values().length) {
            return "any day";
        }
        List<DayOfWeek> ordered = new ArrayList<>(EnumSet.copyOf(days));
        List<String> parts = new ArrayList<>();
        int i = 0;
        while (i < ordered.size()) {
            int j = i;
            while (j + 1 < ordered.size() && ordered.get(j + 1).ordinal() == ordered.get(j).ordinal() + 1) {
                j++;
            }
            if (j - i >= 2) {
                parts.add(shortName(ordered.get(i)) + "–" + shortName(ordered.get(j)));
            } else {
                for (int k = i; k <= j; k++) {
                    parts.add(shortName(ordered.get(k)));
                }
            }
            i = j + 1;
        }
        return String.join(", ", parts);
    }

    /** Full names, Monday first, the last two joined by "and": "Monday, Wednesday and Friday". */
    public static String fullList(Set<DayOfWeek> days) {
        return Phrases.and(EnumSet.copyOf(days).stream().map(DayWords::fullName).toList());
    }

    /** "Monday". */
    public static String fullName(DayOfWeek day) {
        return day.getDisplayName(TextStyle.FULL, Locale.ENGLISH);
    }

    /** "Mon". */
    public static String shortName(DayOfWeek day) {
        return day.getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
    }
}
