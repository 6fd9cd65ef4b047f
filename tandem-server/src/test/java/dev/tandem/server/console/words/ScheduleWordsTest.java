package dev.tandem.server.console.words;

import dev.tandem.core.automation.Recurrence;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

class ScheduleWordsTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final Instant START = Instant.parse("2026-12-01T08:00:00Z");

    @Test
    void givenARecurrenceWithAScheduledRun_thenThePlanIsTheRecurrenceAndTheNextRunItsTime() {
        Recurrence weekdays = new Recurrence(START, Recurrence.IntervalType.DAILY, 1, null, true, null, null, null,
                null);

        ScheduleWords words = ScheduleWords.of(weekdays, Instant.parse("2026-12-02T08:00:00Z"), PARIS);

        assertThat(words.plan()).startsWith("Every weekday at 09:00 Europe/Paris");
        assertThat(words.nextRun()).isEqualTo("Wed 2026-12-02 09:00 Europe/Paris");
    }

    @Test
    void givenARecurrenceWithNothingScheduled_thenItHasEnded() {
        Recurrence r = Recurrence.every(START, Recurrence.IntervalType.WEEKLY, 1, START);

        assertThat(ScheduleWords.of(r, null, PARIS).nextRun()).isEqualTo("none: the recurrence has ended");
    }

    @Test
    void givenOnlyAScheduledRun_thenItRunsOnce() {
        ScheduleWords words = ScheduleWords.of(null, START, PARIS);

        assertThat(words.plan()).isEqualTo("Runs once, at Tue 2026-12-01 09:00 Europe/Paris");
    }

    @Test
    void givenNothing_thenItIsNotScheduled() {
        assertThat(ScheduleWords.of(null, null, PARIS)).isEqualTo(new ScheduleWords("Not scheduled", "none"));
    }
}
