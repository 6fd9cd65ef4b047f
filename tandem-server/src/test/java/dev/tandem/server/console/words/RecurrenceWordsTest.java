package dev.tandem.server.console.words;

import dev.tandem.core.automation.Recurrence;
import dev.tandem.core.automation.Recurrence.IntervalType;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;

import static org.assertj.core.api.Assertions.assertThat;

class RecurrenceWordsTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    /** Tuesday 1 December 2026, 09:00 in Paris. */
    private static final Instant START = Instant.parse("2026-12-01T08:00:00Z");
    private static final Instant END = Instant.parse("2027-06-30T08:00:00Z");

    @Test
    void givenAWeekdayOnlyDailyRecurrence_thenItReadsEveryWeekdayAtTheStartTimeInTheZone() {
        Recurrence weekdays = new Recurrence(START, IntervalType.DAILY, 1, END, true, null, null, null, null);

        assertThat(RecurrenceWords.describe(weekdays, PARIS))
                .isEqualTo("Every weekday at 09:00 Europe/Paris, from 2026-12-01 until 2027-06-30");
    }

    @Test
    void givenTheSameRecurrenceInAnotherZone_thenTheTimeAndDatesAreThatZones() {
        Recurrence weekdays = new Recurrence(START, IntervalType.DAILY, 1, END, true, null, null, null, null);

        assertThat(RecurrenceWords.describe(weekdays, ZoneOffset.UTC))
                .isEqualTo("Every weekday at 08:00 UTC, from 2026-12-01 until 2027-06-30");
    }

    @Test
    void givenNoEnd_thenItSaysSo() {
        assertThat(RecurrenceWords.describe(Recurrence.every(START, IntervalType.DAILY, 3, null), PARIS))
                .isEqualTo("Every 3 days at 09:00 Europe/Paris, from 2026-12-01, with no end");
    }

    @Test
    void givenAWeeklyRecurrenceWithADayMask_thenItNamesTheDays() {
        Recurrence r = new Recurrence(START, IntervalType.WEEKLY, 2, null, false,
                EnumSet.of(DayOfWeek.THURSDAY, DayOfWeek.MONDAY), null, null, null);

        assertThat(RecurrenceWords.describe(r, PARIS))
                .startsWith("Every 2 weeks on Monday and Thursday at 09:00 Europe/Paris");
    }

    @Test
    void givenAWeeklyRecurrenceWithoutAMask_thenItRunsOnTheStartsDay() {
        assertThat(RecurrenceWords.describe(Recurrence.every(START, IntervalType.WEEKLY, 1, null), PARIS))
                .startsWith("Every week on Tuesday at 09:00");
    }

    @Test
    void givenTheSecondTuesdayOfEachMonth_thenItReadsMonthlyOnThe2ndTuesday() {
        Recurrence r = new Recurrence(START, IntervalType.MONTHLY, 1, END, false, null, null, DayOfWeek.TUESDAY, 2);

        assertThat(RecurrenceWords.describe(r, PARIS))
                .isEqualTo("Monthly on the 2nd Tuesday at 09:00 Europe/Paris, from 2026-12-01 until 2027-06-30");
    }

    @Test
    void givenADayOfMonthSomeMonthsLack_thenItSaysTheLastDayIsUsedInShorterMonths() {
        Recurrence r = new Recurrence(START, IntervalType.MONTHLY, 3, null, false, null, 31, null, null);

        assertThat(RecurrenceWords.describe(r, PARIS))
                .startsWith("Every 3 months on the 31st (the last day in shorter months) at 09:00");
    }

    @Test
    void givenAMonthlyRecurrenceWithoutDetails_thenItRunsOnTheStartsDayOfTheMonth() {
        assertThat(RecurrenceWords.describe(Recurrence.every(START, IntervalType.MONTHLY, 1, null), PARIS))
                .startsWith("Monthly on the 1st at 09:00");
    }
}
