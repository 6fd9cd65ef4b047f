package dev.tandem.core.automation;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WaitWindowTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final WaitWindow WEEKDAYS_AT_NINE = new WaitWindow(WaitWindow.WEEKDAYS, LocalTime.of(9, 0));

    private static Instant paris(String localDateTime) {
        return ZonedDateTime.of(java.time.LocalDateTime.parse(localDateTime), PARIS).toInstant();
    }

    @Test
    void givenTriggeredFridayAtFivePmAndA48HourWaitEndingWeekdaysAtNine_whenItEnds_thenItIsMondayAtNine() {
        // 2026-11-27 is a Friday.
        Instant triggered = paris("2026-11-27T17:00");

        Instant end = WEEKDAYS_AT_NINE.endAfter(triggered.plus(Duration.ofHours(48)), PARIS);

        assertThat(end).isEqualTo(paris("2026-11-30T09:00"));
    }

    @Test
    void givenTheNominalEndIsExactlyAnAllowedTime_thenTheWaitEndsThen() {
        Instant nominal = paris("2026-12-01T09:00");

        assertThat(WEEKDAYS_AT_NINE.endAfter(nominal, PARIS)).isEqualTo(nominal);
    }

    @Test
    void givenTheNominalEndIsAfterTheTimeOnAnAllowedDay_thenTheWaitEndsAtTheTimeOnTheNextAllowedDay() {
        assertThat(WEEKDAYS_AT_NINE.endAfter(paris("2026-12-01T09:00:01"), PARIS)).isEqualTo(paris("2026-12-02T09:00"));
    }

    @Test
    void givenNoTime_thenAnAllowedDayEndsAtTheNominalEndAndOtherDaysWaitForTheNextAllowedMidnight() {
        WaitWindow mondays = new WaitWindow(Set.of(DayOfWeek.MONDAY), null);

        assertThat(mondays.endAfter(paris("2026-11-30T15:20"), PARIS)).isEqualTo(paris("2026-11-30T15:20"));
        assertThat(mondays.endAfter(paris("2026-12-01T15:20"), PARIS)).isEqualTo(paris("2026-12-07T00:00"));
    }

    @Test
    void givenTheTimeFallsInTheSpringForwardGap_thenTheWaitEndsWhenTheClockHasJumped() {
        // Europe/Paris skips 02:00–03:00 on Sunday 2026-03-29.
        WaitWindow sundaysAtHalfPastTwo = new WaitWindow(Set.of(DayOfWeek.SUNDAY), LocalTime.of(2, 30));

        Instant end = sundaysAtHalfPastTwo.endAfter(paris("2026-03-28T12:00"), PARIS);

        assertThat(end).isEqualTo(Instant.parse("2026-03-29T01:30:00Z"));
    }

    @Test
    void givenTheTimeRepeatsInTheAutumnOverlapAndTheFirstIsPast_thenTheSecondIsUsed() {
        // Europe/Paris repeats 02:00–03:00 on Sunday 2026-10-25: 02:30 is 00:30Z and again 01:30Z.
        WaitWindow sundaysAtHalfPastTwo = new WaitWindow(Set.of(DayOfWeek.SUNDAY), LocalTime.of(2, 30));

        assertThat(sundaysAtHalfPastTwo.endAfter(Instant.parse("2026-10-25T00:00:00Z"), PARIS))
                .isEqualTo(Instant.parse("2026-10-25T00:30:00Z"));
        assertThat(sundaysAtHalfPastTwo.endAfter(Instant.parse("2026-10-25T01:00:00Z"), PARIS))
                .isEqualTo(Instant.parse("2026-10-25T01:30:00Z"));
    }

    @Test
    void aWindowWithoutDaysIsRefused() {
        assertThatThrownBy(() -> new WaitWindow(Set.of(), LocalTime.NOON)).hasMessageStartingWith("days:");
    }

    @Test
    void dayNamesParseInFullOrThreeLettersIgnoringCase() {
        assertThat(WaitWindow.day("monday")).isEqualTo(DayOfWeek.MONDAY);
        assertThat(WaitWindow.day("Fri")).isEqualTo(DayOfWeek.FRIDAY);
        assertThatThrownBy(() -> WaitWindow.day("Funday")).hasMessageContaining("not a day of the week");
    }
}
