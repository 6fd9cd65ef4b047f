package dev.tandem.core.automation;

import dev.tandem.core.automation.Recurrence.IntervalType;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecurrenceTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final ZoneId UTC = ZoneId.of("UTC");

    private static Instant paris(String local) {
        return ZonedDateTime.of(LocalDateTime.parse(local), PARIS).toInstant();
    }

    private static Recurrence daily(Instant start, boolean weekdayOnly) {
        return new Recurrence(start, IntervalType.DAILY, 1, null, weekdayOnly, null, null, null, null);
    }

    @Test
    void givenAWeekdayOnlyDailyRecurrence_whenFridayRuns_thenTheNextRunIsMonday() {
        // 2026-11-27 is a Friday.
        Recurrence r = daily(paris("2026-11-23T08:00"), true);

        assertThat(r.next(paris("2026-11-27T08:00"), PARIS)).isEqualTo(paris("2026-11-30T08:00"));
    }

    @Test
    void givenADailyRecurrenceInParis_thenItKeepsItsWallClockTimeAcrossTheSpringChange() {
        Recurrence r = daily(paris("2026-03-27T09:00"), false);

        Instant saturday = r.next(paris("2026-03-27T09:00"), PARIS);
        Instant sunday = r.next(saturday, PARIS);
        Instant monday = r.next(sunday, PARIS);

        assertThat(saturday).isEqualTo(Instant.parse("2026-03-28T08:00:00Z"));
        assertThat(sunday).isEqualTo(Instant.parse("2026-03-29T07:00:00Z"));
        assertThat(monday).isEqualTo(Instant.parse("2026-03-30T07:00:00Z"));
    }

    @Test
    void givenARunTimeSkippedByTheSpringGap_thenThatDayRunsWhenTheClockHasJumped() {
        Recurrence r = daily(paris("2026-03-27T02:30"), false);

        assertThat(r.next(paris("2026-03-28T02:30"), PARIS)).isEqualTo(Instant.parse("2026-03-29T01:30:00Z"));
        assertThat(r.next(Instant.parse("2026-03-29T01:30:00Z"), PARIS)).isEqualTo(paris("2026-03-30T02:30"));
    }

    @Test
    void givenARunTimeRepeatedByTheAutumnOverlap_thenThatDayRunsOnceAtTheEarlierInstant() {
        Recurrence r = daily(paris("2026-10-20T02:30"), false);

        Instant overlapDay = r.next(paris("2026-10-24T02:30"), PARIS);

        assertThat(overlapDay).isEqualTo(Instant.parse("2026-10-25T00:30:00Z"));
        assertThat(r.next(overlapDay, PARIS)).isEqualTo(paris("2026-10-26T02:30"));
    }

    @Test
    void givenAWeeklyMask_thenRunsFollowTheMaskedDaysEveryIntervalWeeks() {
        // Monday 2026-11-02, every 2 weeks on Monday and Thursday.
        Recurrence r = new Recurrence(Instant.parse("2026-11-02T10:00:00Z"), IntervalType.WEEKLY, 2, null, false,
                Set.of(DayOfWeek.THURSDAY, DayOfWeek.MONDAY), null, null, null);

        Instant first = r.first(UTC);
        Instant second = r.next(first, UTC);
        Instant third = r.next(second, UTC);

        assertThat(first).isEqualTo(Instant.parse("2026-11-02T10:00:00Z"));
        assertThat(second).isEqualTo(Instant.parse("2026-11-05T10:00:00Z"));
        assertThat(third).isEqualTo(Instant.parse("2026-11-16T10:00:00Z"));
    }

    @Test
    void givenAWeeklyMaskWithoutTheStartDay_thenTheFirstRunIsTheNextMaskedDay() {
        Recurrence r = new Recurrence(Instant.parse("2026-11-03T10:00:00Z"), IntervalType.WEEKLY, 1, null, false,
                Set.of(DayOfWeek.MONDAY), null, null, null);

        assertThat(r.first(UTC)).isEqualTo(Instant.parse("2026-11-09T10:00:00Z"));
    }

    @Test
    void givenDay31_thenShortMonthsRunOnTheirLastDay() {
        Recurrence r = new Recurrence(Instant.parse("2026-01-31T06:00:00Z"), IntervalType.MONTHLY, 1, null, false,
                null, 31, null, null);

        Instant february = r.next(Instant.parse("2026-01-31T06:00:00Z"), UTC);
        Instant march = r.next(february, UTC);
        Instant april = r.next(march, UTC);

        assertThat(february).isEqualTo(Instant.parse("2026-02-28T06:00:00Z"));
        assertThat(march).isEqualTo(Instant.parse("2026-03-31T06:00:00Z"));
        assertThat(april).isEqualTo(Instant.parse("2026-04-30T06:00:00Z"));
    }

    @Test
    void givenTheSecondTuesday_thenEachMonthRunsOnItsSecondTuesday() {
        Recurrence r = new Recurrence(Instant.parse("2026-01-01T06:00:00Z"), IntervalType.MONTHLY, 1, null, false,
                null, null, DayOfWeek.TUESDAY, 2);

        Instant first = r.first(UTC);

        assertThat(first).isEqualTo(Instant.parse("2026-01-13T06:00:00Z"));
        assertThat(r.next(first, UTC)).isEqualTo(Instant.parse("2026-02-10T06:00:00Z"));
    }

    @Test
    void givenAnEnd_thenNoRunIsAfterIt() {
        Recurrence r = Recurrence.every(Instant.parse("2026-01-01T06:00:00Z"), IntervalType.DAILY, 1,
                Instant.parse("2026-01-02T12:00:00Z"));

        assertThat(r.next(Instant.parse("2026-01-01T06:00:00Z"), UTC)).isEqualTo(Instant.parse("2026-01-02T06:00:00Z"));
        assertThat(r.next(Instant.parse("2026-01-02T06:00:00Z"), UTC)).isNull();
    }

    @Test
    void weekdayOnlyOnAWeeklyRecurrenceIsRefusedNamingTheField() {
        assertThatThrownBy(() -> new Recurrence(Instant.EPOCH, IntervalType.WEEKLY, 1, null, true, null, null, null,
                null)).hasMessageContaining("weekdayOnly: only a Daily recurrence takes it (this one is Weekly)");
    }

    @Test
    void detailsOfOtherIntervalTypesAreRefusedNamingEachField() {
        assertThatThrownBy(() -> new Recurrence(Instant.EPOCH, IntervalType.DAILY, 1, null, false,
                Set.of(DayOfWeek.MONDAY), 3, null, null))
                .hasMessageContaining("weekdayMask: only a Weekly recurrence takes it")
                .hasMessageContaining("dayOfMonth: only a Monthly recurrence takes it");
    }

    @Test
    void monthlyDetailsOutOfRangeOrMixedAreRefused() {
        assertThatThrownBy(() -> new Recurrence(Instant.EPOCH, IntervalType.MONTHLY, 1, null, false, null, 32, null,
                null)).hasMessageContaining("dayOfMonth: must be within 1..31, was 32");
        assertThatThrownBy(() -> new Recurrence(Instant.EPOCH, IntervalType.MONTHLY, 1, null, false, null, null,
                DayOfWeek.MONDAY, 5)).hasMessageContaining("weekOfMonth: must be within 1..4, was 5");
        assertThatThrownBy(() -> new Recurrence(Instant.EPOCH, IntervalType.MONTHLY, 1, null, false, null, null,
                DayOfWeek.MONDAY, null)).hasMessageContaining("weekOfMonth: dayOfWeek and weekOfMonth go together");
        assertThatThrownBy(() -> new Recurrence(Instant.EPOCH, IntervalType.MONTHLY, 1, null, false, null, 3,
                DayOfWeek.MONDAY, 1)).hasMessageContaining("dayOfMonth: give either dayOfMonth or dayOfWeek");
    }

    @Test
    void weekdayOnlyWithAnIntervalOtherThanOneIsRefused() {
        assertThatThrownBy(() -> new Recurrence(Instant.EPOCH, IntervalType.DAILY, 2, null, true, null, null, null,
                null)).hasMessageContaining("interval: a weekdayOnly recurrence runs every weekday");
    }

    @Test
    void intervalTypesParseIgnoringCaseAndNameTheFieldWhenUnknown() {
        assertThat(IntervalType.parse("weekly")).isEqualTo(IntervalType.WEEKLY);
        assertThat(IntervalType.MONTHLY.apiName()).isEqualTo("Monthly");
        assertThatThrownBy(() -> IntervalType.parse("Hourly")).hasMessageStartingWith("intervalType:");
    }
}
