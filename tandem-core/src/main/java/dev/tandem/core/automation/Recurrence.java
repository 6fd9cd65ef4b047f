package dev.tandem.core.automation;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A batch campaign's recurrence (Marketo's {@code Recurrence}): runs from {@code startAt} every {@code interval}
 * days, weeks or months until {@code endAt} (null: no end), at the time of day {@code startAt} has in the
 * subscription time zone. Daily may run on weekdays only; Weekly on the days of {@code weekdayMask} (default: the
 * start's day); Monthly on {@code dayOfMonth} (1–31; a day a month lacks means its last day) or on the
 * {@code weekOfMonth}-th {@code dayOfWeek} (default: the start's day of the month).
 */
public record Recurrence(Instant startAt, IntervalType intervalType, int interval, Instant endAt,
                         boolean weekdayOnly, Set<DayOfWeek> weekdayMask, Integer dayOfMonth, DayOfWeek dayOfWeek,
                         Integer weekOfMonth) {

    /** Marketo's {@code intervalType}. */
    public enum IntervalType {
        DAILY, WEEKLY, MONTHLY;

        /** Parses "Daily", "Weekly" or "Monthly", ignoring case. */
        public static IntervalType parse(String value) {
            try {
                return valueOf(value.trim().toUpperCase(Locale.ROOT));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("intervalType: '" + value
                        + "' is not one of Daily, Weekly, Monthly");
            }
        }

        /** "Daily", "Weekly" or "Monthly". */
        public String apiName() {
            return name().charAt(0) + name().substring(1).toLowerCase(Locale.ROOT);
        }
    }

    /**
     * @throws IllegalArgumentException with every problem, each starting with the field it concerns
     */
    public Recurrence {
        weekdayMask = weekdayMask == null || weekdayMask.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(weekdayMask));
        List<String> problems = problems(startAt, intervalType, interval, endAt, weekdayOnly, weekdayMask, dayOfMonth,
                dayOfWeek, weekOfMonth);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
    }

    /** A plain recurrence: every {@code interval} days, weeks or months on the start's day. */
    public static Recurrence every(Instant startAt, IntervalType type, int interval, Instant endAt) {
        return new Recurrence(startAt, type, interval, endAt, false, null, null, null, null);
    }

    private static List<String> problems(Instant startAt, IntervalType type, int interval, Instant endAt,
                                         boolean weekdayOnly, Set<DayOfWeek> mask, Integer dayOfMonth,
                                         DayOfWeek dayOfWeek, Integer weekOfMonth) {
        List<String> problems = new ArrayList<>();
        if (startAt == null) {
            problems.add("startAt: required");
        }
        if (type == null) {
            problems.add("intervalType: required (Daily, Weekly or Monthly)");
            return problems;
        }
        if (interval < 1) {
            problems.add("interval: must be 1 or more, was " + interval);
        }
        if (endAt != null && startAt != null && endAt.isBefore(startAt)) {
            problems.add("endAt: must not be before startAt");
        }
        if (weekdayOnly && type != IntervalType.DAILY) {
            problems.add("weekdayOnly: only a Daily recurrence takes it (this one is " + type.apiName() + ")");
        }
        if (weekdayOnly && interval != 1) {
            problems.add("interval: a weekdayOnly recurrence runs every weekday, so interval must be 1, was "
                    + interval);
        }
        if (!mask.isEmpty() && type != IntervalType.WEEKLY) {
            problems.add("weekdayMask: only a Weekly recurrence takes it (this one is " + type.apiName() + ")");
        }
        if (type != IntervalType.MONTHLY) {
            for (String field : monthlyFieldsSet(dayOfMonth, dayOfWeek, weekOfMonth)) {
                problems.add(field + ": only a Monthly recurrence takes it (this one is " + type.apiName() + ")");
            }
            return problems;
        }
        if (dayOfMonth != null && (dayOfMonth < 1 || dayOfMonth > 31)) {
            problems.add("dayOfMonth: must be within 1..31, was " + dayOfMonth);
        }
        if (dayOfMonth != null && (dayOfWeek != null || weekOfMonth != null)) {
            problems.add("dayOfMonth: give either dayOfMonth or dayOfWeek with weekOfMonth, not both");
        }
        if ((dayOfWeek == null) != (weekOfMonth == null)) {
            problems.add((dayOfWeek == null ? "dayOfWeek" : "weekOfMonth")
                    + ": dayOfWeek and weekOfMonth go together (e.g. the 2nd Tuesday)");
        }
        if (weekOfMonth != null && (weekOfMonth < 1 || weekOfMonth > 4)) {
            problems.add("weekOfMonth: must be within 1..4, was " + weekOfMonth);
        }
        return problems;
    }

    private static List<String> monthlyFieldsSet(Integer dayOfMonth, DayOfWeek dayOfWeek, Integer weekOfMonth) {
        List<String> set = new ArrayList<>();
        if (dayOfMonth != null) {
            set.add("dayOfMonth");
        }
        if (dayOfWeek != null) {
            set.add("dayOfWeek");
        }
        if (weekOfMonth != null) {
            set.add("weekOfMonth");
        }
        return set;
    }

    /** The first run: the first occurrence at or after {@code startAt}, or null when none falls before the end. */
    public Instant first(ZoneId zone) {
        return next(startAt.minusNanos(1), zone);
    }

    /**
     * The first occurrence strictly after {@code after}, or null when the recurrence has ended by then. Occurrences
     * keep the start's wall-clock time across daylight-saving changes; a time skipped by a spring-forward gap moves
     * forward by the gap, and in an autumn overlap the earlier instant is used.
     */
    public Instant next(Instant after, ZoneId zone) {
        ZonedDateTime start = startAt.atZone(zone);
        LocalDate startDate = start.toLocalDate();
        LocalTime time = start.toLocalTime();
        Instant from = after.isBefore(startAt) ? startAt.minusNanos(1) : after;
        LocalDate fromDate = from.atZone(zone).toLocalDate();
        Instant found = switch (intervalType) {
            case DAILY -> daily(startDate, fromDate, time, zone, from);
            case WEEKLY -> weekly(startDate, fromDate, time, zone, from);
            case MONTHLY -> monthly(startDate, fromDate, time, zone, from);
        };
        return endAt != null && found.isAfter(endAt) ? null : found;
    }

    private Instant daily(LocalDate startDate, LocalDate fromDate, LocalTime time, ZoneId zone, Instant after) {
        long k = Math.max(0, Math.floorDiv(ChronoUnit.DAYS.between(startDate, fromDate), interval) - 1);
        // Within a few periods there is always an occurrence (at most two weekend days are skipped in a row).
        for (long limit = k + 5; k <= limit; k++) {
            LocalDate day = startDate.plusDays(k * interval);
            if (weekdayOnly && !WaitWindow.WEEKDAYS.contains(day.getDayOfWeek())) {
                continue;
            }
            Instant at = at(day, time, zone);
            if (at.isAfter(after) && !at.isBefore(startAt)) {
                return at;
            }
        }
        throw new IllegalStateException("no daily occurrence found after " + after);
    }

    private Instant weekly(LocalDate startDate, LocalDate fromDate, LocalTime time, ZoneId zone, Instant after) {
        LocalDate firstMonday = startDate.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate fromMonday = fromDate.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        Set<DayOfWeek> days = weekdayMask.isEmpty() ? Set.of(startDate.getDayOfWeek()) : weekdayMask;
        List<DayOfWeek> ordered = EnumSet.copyOf(days).stream().toList();
        long k = Math.max(0, Math.floorDiv(ChronoUnit.WEEKS.between(firstMonday, fromMonday), interval) - 1);
        for (long limit = k + 4; k <= limit; k++) {
            LocalDate monday = firstMonday.plusWeeks(k * interval);
            for (DayOfWeek d : ordered) {
                Instant at = at(monday.plusDays(d.ordinal()), time, zone);
                if (at.isAfter(after) && !at.isBefore(startAt)) {
                    return at;
                }
            }
        }
        throw new IllegalStateException("no weekly occurrence found after " + after);
    }

    private Instant monthly(LocalDate startDate, LocalDate fromDate, LocalTime time, ZoneId zone, Instant after) {
        YearMonth firstMonth = YearMonth.from(startDate);
        long k = Math.max(0, Math.floorDiv(ChronoUnit.MONTHS.between(firstMonth, YearMonth.from(fromDate)), interval)
                - 1);
        for (long limit = k + 4; k <= limit; k++) {
            Instant at = at(dayIn(firstMonth.plusMonths(k * interval), startDate), time, zone);
            if (at.isAfter(after) && !at.isBefore(startAt)) {
                return at;
            }
        }
        throw new IllegalStateException("no monthly occurrence found after " + after);
    }

    /** The day of {@code month} a Monthly recurrence runs on; a day the month lacks becomes its last day. */
    LocalDate dayIn(YearMonth month, LocalDate startDate) {
        if (dayOfWeek != null) {
            LocalDate first = month.atDay(1).with(TemporalAdjusters.nextOrSame(dayOfWeek));
            return first.plusWeeks(weekOfMonth - 1);
        }
        int day = dayOfMonth != null ? dayOfMonth : startDate.getDayOfMonth();
        return month.atDay(Math.min(day, month.lengthOfMonth()));
    }

    private static Instant at(LocalDate day, LocalTime time, ZoneId zone) {
        return ZonedDateTime.of(day, time, zone).toInstant();
    }
}
