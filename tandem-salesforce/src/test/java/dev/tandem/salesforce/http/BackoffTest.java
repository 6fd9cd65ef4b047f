package dev.tandem.salesforce.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {
    private final RetryPolicy policy = new RetryPolicy(6, Duration.ofMillis(500), Duration.ofSeconds(4), 2.0);

    @Test
    void delayDoublesPerRetryWithinTheJitterBand() {
        assertThat(Backoff.delay(policy, 1, 0.0)).isEqualTo(Duration.ofMillis(250));
        assertThat(Backoff.delay(policy, 1, 0.999)).isBetween(Duration.ofMillis(499), Duration.ofMillis(500));
        assertThat(Backoff.delay(policy, 2, 0.0)).isEqualTo(Duration.ofMillis(500));
        assertThat(Backoff.delay(policy, 3, 0.0)).isEqualTo(Duration.ofMillis(1000));
    }

    @Test
    void delayIsCappedAtTheMaximum() {
        assertThat(Backoff.delay(policy, 5, 0.999)).isBetween(Duration.ofMillis(3990), Duration.ofSeconds(4));
        assertThat(Backoff.delay(policy, 30, 0.0)).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void retryNumbersStartAtOne() {
        assertThatThrownBy(() -> Backoff.delay(policy, 0, 0.5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void policyRejectsNonsense() {
        assertThatThrownBy(() -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO, 2))
                .hasMessageContaining("maxAttempts");
        assertThatThrownBy(() -> new RetryPolicy(3, Duration.ofSeconds(2), Duration.ofSeconds(1), 2))
                .hasMessageContaining("maxDelay");
    }
}
