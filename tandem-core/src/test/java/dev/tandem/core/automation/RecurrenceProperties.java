package dev.tandem.core.automation;

import dev.tandem.core.automation.Recurrence.IntervalType;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The next-run function over random recurrences in zones with and without daylight saving. Start times are drawn
 * from 09:00–12:59 UTC, which is outside every drawn zone's transition hours (Paris 10–14, New York 04–08, Sydney
 * 19–00 local), so every run is at the start's wall-clock time; gaps and overlaps are unit tests.
 */
class RecurrenceProperties {

    private static final Instant BASE = Instant.parse("2026-01-01T00:00:00Z");

    @Provide
    Arbitrary<ZoneId> zones() {
        return Arbitraries.of("UTC", "Europe/Paris", "America/New_York", "Australia/Sydney").map(ZoneId::of);
    }

    @Provide
    Arbitrary<Recurrence> recurrences() {
        Arbitrary<Instant> start = Combinators.combine(Arbitraries.longs().between(0, 400),
                        Arbitraries.integers().between(9, 12), Arbitraries.integers().between(0, 59))
                .as((days, hour, minute) -> BASE.plus(Duration.ofDays(days)).plus(Duration.ofHours(hour))
                        .plus(Duration.ofMinutes(minute)));
        Arbitrary<Set<DayOfWeek>> mask = Arbitraries.of(DayOfWeek.class).set().ofMinSize(0).ofMaxSize(7);
        Arbitrary<Recurrence> daily = Combinators.combine(start, Arbitraries.integers().between(1, 10),
                        Arbitraries.of(true, false))
                .as((s, n, weekdays) -> new Recurrence(s, IntervalType.DAILY, weekdays ? 1 : n, null, weekdays, null,
                        null, null, null));
        Arbitrary<Recurrence> weekly = Combinators.combine(start, Arbitraries.integers().between(1, 5), mask)
                .as((s, n, m) -> new Recurrence(s, IntervalType.WEEKLY, n, null, false, m, null, null, null));
        Arbitrary<Recurrence> byDay = Combinators.combine(start, Arbitraries.integers().between(1, 4),
                        Arbitraries.integers().between(1, 31).injectNull(0.3))
                .as((s, n, d) -> new Recurrence(s, IntervalType.MONTHLY, n, null, false, null, d, null, null));
        Arbitrary<Recurrence> byWeekday = Combinators.combine(start, Arbitraries.integers().between(1, 4),
                        Arbitraries.of(DayOfWeek.class), Arbitraries.integers().between(1, 4))
                .as((s, n, d, w) -> new Recurrence(s, IntervalType.MONTHLY, n, null, false, null, null, d, w));
        return Arbitraries.oneOf(daily, weekly, byDay, byWeekday);
    }

    @Property(tries = 400)
    void theNextRunIsLaterNotBeforeTheStartAndAtTheStartsWallClockTime(
            @ForAll("recurrences") Recurrence r, @ForAll("zones") ZoneId zone,
            @ForAll @LongRange(min = 0, max = 3L * 365 * 86_400) long secondsAfterBase) {
        Instant after = BASE.plusSeconds(secondsAfterBase);

        Instant next = r.next(after, zone);

        assertThat(next).isAfter(after).isAfterOrEqualTo(r.startAt());
        assertThat(next.atZone(zone).toLocalTime()).isEqualTo(r.startAt().atZone(zone).toLocalTime());
        assertThat(isOccurrenceDay(r, next.atZone(zone).toLocalDate(), zone)).isTrue();
    }

    @Property(tries = 400)
    void noRunIsSkipped(@ForAll("recurrences") Recurrence r, @ForAll("zones") ZoneId zone,
                        @ForAll @LongRange(min = 0, max = 3L * 365 * 86_400) long secondsAfterBase) {
        Instant after = BASE.plusSeconds(secondsAfterBase);
        Instant next = r.next(after, zone);

        // Minimal: every day strictly between the two that is an occurrence day has its run at or before `after`.
        ZonedDateTime from = after.atZone(zone);
        for (LocalDate day = from.toLocalDate(); day.isBefore(next.atZone(zone).toLocalDate()); day = day.plusDays(1)) {
            Instant run = ZonedDateTime.of(day, r.startAt().atZone(zone).toLocalTime(), zone).toInstant();
            if (isOccurrenceDay(r, day, zone) && !run.isBefore(r.startAt())) {
                assertThat(run).isBeforeOrEqualTo(after);
            }
        }
    }

    @Property(tries = 200)
    void runsStepForwardConsistently(@ForAll("recurrences") Recurrence r, @ForAll("zones") ZoneId zone) {
        Instant run = r.first(zone);
        for (int i = 0; i < 20; i++) {
            Instant next = r.next(run, zone);
            assertThat(next).isAfter(run);
            // Asking from any instant inside the gap gives the same next run.
            assertThat(r.next(run.plus(Duration.between(run, next).dividedBy(2)), zone)).isEqualTo(next);
            run = next;
        }
    }

    /** An independent statement of which local days a recurrence runs on. */
    private static boolean isOccurrenceDay(Recurrence r, LocalDate day, ZoneId zone) {
        LocalDate start = r.startAt().atZone(zone).toLocalDate();
        if (day.isBefore(start)) {
            return false;
        }
        return switch (r.intervalType()) {
            case DAILY -> r.weekdayOnly() ? day.getDayOfWeek().getValue() <= 5
                    : ChronoUnit.DAYS.between(start, day) % r.interval() == 0;
            case WEEKLY -> {
                Set<DayOfWeek> days = r.weekdayMask().isEmpty() ? Set.of(start.getDayOfWeek()) : r.weekdayMask();
                long weeks = ChronoUnit.WEEKS.between(start.minusDays(start.getDayOfWeek().getValue() - 1),
                        day.minusDays(day.getDayOfWeek().getValue() - 1));
                yield days.contains(day.getDayOfWeek()) && weeks % r.interval() == 0;
            }
            case MONTHLY -> {
                long months = ChronoUnit.MONTHS.between(start.withDayOfMonth(1), day.withDayOfMonth(1));
                if (months % r.interval() != 0) {
                    yield false;
                }
                if (r.dayOfWeek() != null) {
                    yield day.getDayOfWeek() == r.dayOfWeek() && (day.getDayOfMonth() - 1) / 7 + 1 == r.weekOfMonth();
                }
                int wanted = r.dayOfMonth() != null ? r.dayOfMonth() : start.getDayOfMonth();
                yield day.getDayOfMonth() == Math.min(wanted, day.lengthOfMonth());
            }
        };
    }

}
