package dev.tandem.core.automation;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * A Wait step's advanced "end on" options: the days of the week the wait may end on and, optionally, the time of
 * day it ends at, both read in the subscription time zone. Without a time, the wait ends as soon as it is over on an
 * allowed day (or at the start of the next allowed day).
 */
public record WaitWindow(Set<DayOfWeek> days, LocalTime time) {

    /** Monday to Friday. */
    public static final Set<DayOfWeek> WEEKDAYS = Set.copyOf(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));

    public WaitWindow {
        if (days == null || days.isEmpty()) {
            throw new IllegalArgumentException("days: at least one day of the week is required");
        }
        days = Set.copyOf(EnumSet.copyOf(days));
        if (time != null) {
            time = time.withNano(0);
        }
    }

    /**
     * When a wait whose nominal end is {@code nominal} really ends: the first instant at or after it that falls on an
     * allowed day, at the window's time when it has one. A time that a daylight-saving gap skips on that day is moved
     * forward by the gap (02:30 on a spring-forward night becomes 03:30); in an overlap the earlier of the two instants
     * is taken unless it is already past.
     */
    public Instant endAfter(Instant nominal, ZoneId zone) {
        LocalDate first = nominal.atZone(zone).toLocalDate();
        // Eight days always reach an allowed day at a time after the nominal end (the eighth repeats the first).
        for (int i = 0; i <= 7; i++) {
            LocalDate day = first.plusDays(i);
            if (!days.contains(day.getDayOfWeek())) {
                continue;
            }
            if (time == null) {
                return i == 0 ? nominal : day.atStartOfDay(zone).toInstant();
            }
            ZonedDateTime at = ZonedDateTime.of(day, time, zone);
            if (!at.toInstant().isBefore(nominal)) {
                return at.toInstant();
            }
            Instant later = at.withLaterOffsetAtOverlap().toInstant();
            if (!later.isBefore(nominal)) {
                return later;
            }
        }
        throw new IllegalStateException("unreachable: no allowed day within eight days");
    }

    /**
     * Parses a day name: "Monday" or its three-letter form "Mon", ignoring case.
     *
     * @throws IllegalArgumentException naming the accepted names
     */
    public static DayOfWeek day(String name) {
        String value = name == null ? "" : name.trim().toUpperCase(Locale.ROOT);
        for (DayOfWeek d : DayOfWeek.values()) {
            if (d.name().equals(value) || d.name().substring(0, 3).equals(value)) {
                return d;
            }
        }
        throw new IllegalArgumentException("'" + name + "' is not a day of the week (Monday … Sunday)");
    }

    /** The display name of a day, e.g. "Monday". */
    public static String dayName(DayOfWeek day) {
        return day.name().charAt(0) + day.name().substring(1).toLowerCase(Locale.ROOT);
    }
}
