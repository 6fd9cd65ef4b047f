package dev.tandem.core.automation;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WaitDurationTest {

    @Test
    void wholeUnitsParseInSingularOrPlural() {
        assertThat(WaitDuration.parse("4 hours")).isEqualTo(Duration.ofHours(4));
        assertThat(WaitDuration.parse("1 day")).isEqualTo(Duration.ofDays(1));
        assertThat(WaitDuration.parse("2 Weeks")).isEqualTo(Duration.ofDays(14));
        assertThat(WaitDuration.parse("30 minutes")).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void abbreviationsThatMarketoWouldIgnoreAreRefused() {
        assertThatThrownBy(() -> WaitDuration.parse("4 hrs"))
                .hasMessageContaining("'4 hrs' abbreviates the unit; write it in full, e.g. '4 hours'")
                .hasMessageContaining("Marketo silently ignores");
        assertThatThrownBy(() -> WaitDuration.parse("2d")).hasMessageContaining("e.g. '2 days'");
        assertThatThrownBy(() -> WaitDuration.parse("10 mins")).hasMessageContaining("e.g. '10 minutes'");
    }

    @Test
    void textThatIsNoDurationAtAllIsRefusedWithTheAcceptedForm() {
        assertThatThrownBy(() -> WaitDuration.parse("soon")).hasMessageContaining("is not a duration; write e.g.");
    }

    @Test
    void zeroAndOverAYearAreRefused() {
        assertThatThrownBy(() -> WaitDuration.parse("0 days")).hasMessageContaining("more than 0");
        assertThatThrownBy(() -> WaitDuration.parse("53 weeks")).hasMessageContaining("at most 365 days");
    }

    @Test
    void offsetsAreBeforeOrAfterAndRoundTrip() {
        assertThat(WaitDuration.parseOffset("1 day before")).isEqualTo(Duration.ofDays(-1));
        assertThat(WaitDuration.parseOffset("4 Hours After")).isEqualTo(Duration.ofHours(4));
        assertThat(WaitDuration.formatOffset(Duration.ofDays(-1))).isEqualTo("1 day before");
        assertThatThrownBy(() -> WaitDuration.parseOffset("1 day")).hasMessageContaining("write e.g. '1 day before'");
        assertThatThrownBy(() -> WaitDuration.parseOffset("2 hrs after")).hasMessageContaining("abbreviates");
    }

    @Test
    void formatWritesTheLargestWholeUnit() {
        assertThat(WaitDuration.format(Duration.ofDays(14))).isEqualTo("2 weeks");
        assertThat(WaitDuration.format(Duration.ofHours(48))).isEqualTo("2 days");
        assertThat(WaitDuration.format(Duration.ofMinutes(90))).isEqualTo("90 minutes");
        assertThat(WaitDuration.format(Duration.ofHours(1))).isEqualTo("1 hour");
    }
}
