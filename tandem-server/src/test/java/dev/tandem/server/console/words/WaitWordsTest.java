package dev.tandem.server.console.words;

import dev.tandem.core.automation.WaitWindow;
import dev.tandem.server.automation.model.FlowAction.Wait;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;

import static org.assertj.core.api.Assertions.assertThat;

class WaitWordsTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Test
    void givenAPlainDuration_thenItReadsWaitAndTheDuration() {
        assertThat(WaitWords.describe(Wait.of(Duration.ofDays(2)), PARIS)).isEqualTo("Wait 2 days");
    }

    @Test
    void givenAnEndOnWindowOfWeekdaysAndATime_thenItReadsEndingMonToFriAtTheTimeInTheZone() {
        Wait wait = new Wait(Duration.ofHours(36), new WaitWindow(WaitWindow.WEEKDAYS, LocalTime.of(9, 0)), null, null,
                null);

        assertThat(WaitWords.describe(wait, PARIS)).isEqualTo("Wait 36 hours, ending Mon–Fri at 09:00 Europe/Paris");
    }

    @Test
    void givenWholeDaysOfHours_thenTheDurationReadsAsTheFlowDocumentWritesIt() {
        assertThat(WaitWords.describe(Wait.of(Duration.ofHours(48)), PARIS)).isEqualTo("Wait 2 days");
    }

    @Test
    void givenAnEndOnWindowOfDaysOnly_thenItReadsEndingOnThoseDays() {
        Wait wait = new Wait(Duration.ofMinutes(30), new WaitWindow(EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY),
                null), null, null, null);

        assertThat(WaitWords.describe(wait, PARIS)).isEqualTo("Wait 30 minutes, ending on Mon, Wed");
    }

    @Test
    void givenAnEndOnTimeOnAnyDay_thenItNamesOnlyTheTime() {
        Wait wait = new Wait(Duration.ofDays(7), new WaitWindow(EnumSet.allOf(DayOfWeek.class), LocalTime.of(8, 30)),
                null, null, null);

        assertThat(WaitWords.describe(wait, PARIS)).isEqualTo("Wait 1 week, ending at 08:30 Europe/Paris");
    }

    @Test
    void givenADateTokenWaitOneDayBefore_thenItReadsUntilTheTokenMinusOneDay() {
        Wait wait = new Wait(null, null, null, "{{my.Event Date}}", Duration.ofDays(-1));

        assertThat(WaitWords.describe(wait, PARIS)).isEqualTo("Wait until {{my.Event Date}} minus 1 day");
    }

    @Test
    void givenADateTokenWaitAfterTheDate_thenItReadsPlus() {
        Wait wait = new Wait(null, null, null, "{{my.Event Date}}", Duration.ofHours(4));

        assertThat(WaitWords.describe(wait, PARIS)).isEqualTo("Wait until {{my.Event Date}} plus 4 hours");
    }

    @Test
    void givenADateTokenWaitWithoutOffset_thenItReadsUntilTheToken() {
        assertThat(WaitWords.describe(new Wait(null, null, null, "{{my.Event Date}}", null), PARIS))
                .isEqualTo("Wait until {{my.Event Date}}");
    }

    @Test
    void givenAFixedDate_thenItIsShownInTheZoneWithItsWeekday() {
        assertThat(WaitWords.describe(Wait.until(Instant.parse("2026-12-01T08:00:00Z")), PARIS))
                .isEqualTo("Wait until Tue 2026-12-01 09:00 Europe/Paris");
    }
}
