package dev.tandem.core.automation;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The end of a wait with an "end on" window. Times are drawn from 05:00–23:59, outside every drawn zone's
 * daylight-saving transitions, so "at the time" holds exactly; the gap and overlap cases are unit tests.
 */
class WaitWindowProperties {

    private static final Instant BASE = Instant.parse("2026-01-01T00:00:00Z");

    @Provide
    Arbitrary<ZoneId> zones() {
        return Arbitraries.of("UTC", "Europe/Paris", "America/New_York", "Asia/Kolkata", "Australia/Sydney")
                .map(ZoneId::of);
    }

    @Provide
    Arbitrary<Set<DayOfWeek>> days() {
        return Arbitraries.of(DayOfWeek.class).set().ofMinSize(1).ofMaxSize(7);
    }

    @Property(tries = 300)
    void theEndIsTheFirstInstantAtOrAfterTheNominalEndOnAnAllowedDayAtTheTime(
            @ForAll("zones") ZoneId zone, @ForAll("days") Set<DayOfWeek> days,
            @ForAll @IntRange(min = 5, max = 23) int hour, @ForAll @IntRange(min = 0, max = 59) int minute,
            @ForAll @LongRange(min = 0, max = 2L * 365 * 86_400) long secondsAfterBase) {
        WaitWindow window = new WaitWindow(days, LocalTime.of(hour, minute));
        Instant nominal = BASE.plusSeconds(secondsAfterBase);

        Instant end = window.endAfter(nominal, zone);

        ZonedDateTime local = end.atZone(zone);
        assertThat(end).isAfterOrEqualTo(nominal);
        assertThat(days).contains(local.getDayOfWeek());
        assertThat(local.toLocalTime()).isEqualTo(LocalTime.of(hour, minute));
        // Minimal: no allowed day between the nominal end and the result has the time at or after the nominal end.
        for (var day = nominal.atZone(zone).toLocalDate(); day.isBefore(local.toLocalDate()); day = day.plusDays(1)) {
            if (days.contains(day.getDayOfWeek())) {
                assertThat(ZonedDateTime.of(day, LocalTime.of(hour, minute), zone).toInstant()).isBefore(nominal);
            }
        }
    }

    @Property(tries = 300)
    void withoutATimeTheEndIsTheNominalEndOrTheNextAllowedMidnight(
            @ForAll("zones") ZoneId zone, @ForAll("days") Set<DayOfWeek> days,
            @ForAll @LongRange(min = 0, max = 2L * 365 * 86_400) long secondsAfterBase) {
        WaitWindow window = new WaitWindow(days, null);
        Instant nominal = BASE.plusSeconds(secondsAfterBase);

        Instant end = window.endAfter(nominal, zone);

        ZonedDateTime local = end.atZone(zone);
        assertThat(days).contains(local.getDayOfWeek());
        if (days.contains(nominal.atZone(zone).getDayOfWeek())) {
            assertThat(end).isEqualTo(nominal);
        } else {
            assertThat(end).isAfter(nominal);
            assertThat(local.toLocalTime()).isEqualTo(LocalTime.MIDNIGHT);
            LocalDate first = nominal.atZone(zone).toLocalDate();
            for (LocalDate day = first; day.isBefore(local.toLocalDate()); day = day.plusDays(1)) {
                assertThat(days).doesNotContain(day.getDayOfWeek());
            }
        }
    }
}
