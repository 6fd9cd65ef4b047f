package dev.tandem.server.sync.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofSeconds(5), Duration.ofMinutes(30));

    @Test
    void theWaitDoublesWithEachFailure() {
        assertThat(backoff.delayAfter(1, () -> 0.999999)).isBetween(Duration.ofMillis(4999), Duration.ofSeconds(5));
        assertThat(backoff.delayAfter(2, () -> 0.999999)).isBetween(Duration.ofMillis(9999), Duration.ofSeconds(10));
        assertThat(backoff.delayAfter(3, () -> 0.999999)).isBetween(Duration.ofMillis(19999), Duration.ofSeconds(20));
    }

    @Test
    void jitterDrawsFromTheUpperHalfOfTheWait() {
        assertThat(backoff.delayAfter(2, () -> 0.0)).isEqualTo(Duration.ofSeconds(5));
    }

    @Property
    void theWaitNeverExceedsTheCapNorDropsBelowHalfTheBase(@ForAll @IntRange(min = 0, max = 1000) int attempts,
                                                           @ForAll @DoubleRange(min = 0, max = 1, maxIncluded = false) double r) {
        Duration d = backoff.delayAfter(attempts, () -> r);
        assertThat(d).isLessThanOrEqualTo(Duration.ofMinutes(30)).isGreaterThanOrEqualTo(Duration.ofMillis(2500));
    }

    @Test
    void aCapBelowTheBaseIsRejected() {
        assertThatThrownBy(() -> new Backoff(Duration.ofMinutes(1), Duration.ofSeconds(1)))
                .hasMessageContaining("cap");
    }
}
