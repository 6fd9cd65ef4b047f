package dev.tandem.server.console.words;

import dev.tandem.core.automation.Recurrence;

import java.time.DayOfWeek;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Set;

/**
 * A batch campaign's recurrence in words, in the subscription time zone: "Every weekday at 09:00 Europe/Paris,
 * from 2026-12-01 until 2027-06-30", "Monthly on the 2nd Tuesday at 08:30 UTC, from 2026-12-08, with no end".
 */
public final class RecurrenceWords {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private RecurrenceWords() {
    }

    /** The sentence for {@code recurrence}, its times read in {@code zone}. */
    public static String describe(Recurrence recurrence, ZoneId zone) {
        ZonedDateTime start = recurrence.startAt().atZone(zone);
        String when = switch (recurrence.intervalType()) {
            case DAILY -> daily(recurrence);
            case WEEKLY -> weekly(recurrence, start.getDayOfWeek());
            case MONTHLY -> monthly(recurrence, start.getDayOfMonth());
        };
        String until = recurrence.endAt() == null ? ", with no end"
                : " until " + Phrases.date(recurrence.endAt(), zone);
        return when + " at " + TIME.format(start) + " " + Phrases.zone(zone) + ", from "
                + Phrases.date(recurrence.startAt(), zone) + until;
    }

    private static String daily(Recurrence r) {
        if (r.weekdayOnly()) {
            return "Every weekday";
        }
        return r.interval() == 1 ? "Every day" : "Every " + r.interval() + " days";
    }

    private static String weekly(Recurrence r, DayOfWeek startDay) {
        Set<DayOfWeek> days = r.weekdayMask().isEmpty() ? Set.of(startDay) : r.weekdayMask();
        String every = r.interval() == 1 ? "Every week" : "Every " + r.interval() + " weeks";
        return every + " on " + DayWords.fullList(days);
    }

    private static String monthly(Recurrence r, int startDayOfMonth) {
        String every = r.interval() == 1 ? "Monthly" : "Every " + r.interval() + " months";
        if (r.dayOfWeek() != null) {
            return every + " on the " + Phrases.ordinal(r.weekOfMonth()) + " " + DayWords.fullName(r.dayOfWeek());
        }
        int day = r.dayOfMonth() != null ? r.dayOfMonth() : startDayOfMonth;
        // Days 29–31 are missing from some months, where the run falls on the last day instead.
        String shorter = day >= 29 ? " (the last day in shorter months)" : "";
        return every + " on the " + Phrases.ordinal(day) + shorter;
    }
}
