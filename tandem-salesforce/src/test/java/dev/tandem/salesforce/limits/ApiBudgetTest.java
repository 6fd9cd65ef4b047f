package dev.tandem.salesforce.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.salesforce.error.ErrorKind;
import dev.tandem.salesforce.error.SalesforceException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ApiBudgetTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T00:00:00Z"));
    private final ApiBudget budget = new ApiBudget(50, 80, Duration.ofSeconds(2), Duration.ofMinutes(5), clock);

    @Test
    void callsAreAdmittedWithoutDelayWhileUsageIsUnknown() {
        assertThat(budget.admit()).isZero();
        assertThat(budget.usage().known()).isFalse();
    }

    @Test
    void noThrottlingBelowEightyPercentOfTheBudget() {
        budget.record(5_999, 15_000); // budget 7,500; throttling from 6,000

        assertThat(budget.admit()).isZero();
    }

    @Test
    void throttleDelayGrowsAsUsageNearsTheBudget() {
        budget.record(6_750, 15_000);
        Duration halfway = budget.admit();
        budget.record(7_499, 15_000);
        Duration nearEnd = budget.admit();

        assertThat(halfway).isEqualTo(Duration.ofSeconds(1));
        assertThat(nearEnd).isGreaterThan(halfway).isLessThanOrEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void reachingTheBudgetStopsWorkWithALimitException() {
        budget.record(7_500, 15_000);

        assertThatThrownBy(budget::admit).isInstanceOfSatisfying(SalesforceException.class, e -> {
            assertThat(e.kind()).isEqualTo(ErrorKind.LIMIT);
            assertThat(e.errorCode()).isEqualTo("API_BUDGET_EXHAUSTED");
            assertThat(e.getMessage()).contains("7500 of 15000");
        });
    }

    @Test
    void anOrgLimitRefusalCountsAsUsedUp() {
        budget.record(100, 15_000);
        budget.recordLimitExceeded();

        assertThatThrownBy(budget::admit).isInstanceOf(SalesforceException.class);
    }

    @Test
    void afterTheRecheckIntervalOneProbingCallIsAdmitted() {
        budget.record(7_500, 15_000);
        clock.advance(Duration.ofMinutes(5));

        assertThat(budget.admit()).isZero();
        assertThatThrownBy(budget::admit).as("only one probe until a new report arrives")
                .isInstanceOf(SalesforceException.class);
    }

    @Test
    void usageReportsTheBudgetAndTandemsOwnShare() {
        budget.record(1_000, 15_000);
        budget.countCall();
        budget.countCall();

        ApiUsage u = budget.usage();
        assertThat(u.budget()).isEqualTo(7_500);
        assertThat(u.remainingBudget()).isEqualTo(6_500);
        assertThat(u.clientCalls()).isEqualTo(2);
        assertThat(u.usedShare()).isEqualTo(1_000 / 15_000.0);
    }

    @Test
    void ownCallsOlderThanADayLeaveTheWindow() {
        budget.countCall();
        clock.advance(Duration.ofHours(24).plusMinutes(1));
        budget.countCall();

        assertThat(budget.usage().clientCalls()).isEqualTo(1);
    }

    @Test
    void budgetPercentOutsideOneToHundredIsRefused() {
        assertThatThrownBy(() -> new ApiBudget(0, 80, Duration.ZERO, Duration.ZERO, clock))
                .hasMessageContaining("apiBudgetPercent");
    }

    /** A clock tests move by hand. */
    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
