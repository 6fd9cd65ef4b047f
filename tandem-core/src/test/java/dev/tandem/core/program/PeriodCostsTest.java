package dev.tandem.core.program;

import org.junit.jupiter.api.Test;

import java.time.YearMonth;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PeriodCostsTest {

    private final PeriodCost january = new PeriodCost(YearMonth.of(2026, 1), 2000, "Adwords");
    private final PeriodCost february = new PeriodCost(YearMonth.of(2026, 2), 500, null);

    @Test
    void amountAboveMaximumIsRejectedNamingTheField() {
        assertThatThrownBy(() -> new PeriodCost(YearMonth.of(2026, 1), 100_000_000L, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("costs.cost:");
    }

    @Test
    void negativeAmountIsRejected() {
        assertThatThrownBy(() -> new PeriodCost(YearMonth.of(2026, 1), -1, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("costs.cost:");
    }

    @Test
    void boundaryAmountsAreAccepted() {
        assertThat(new PeriodCost(YearMonth.of(2026, 1), 0, null).amount()).isZero();
        assertThat(new PeriodCost(YearMonth.of(2026, 1), 99_999_999L, null).amount()).isEqualTo(99_999_999L);
    }

    @Test
    void missingMonthIsRejected() {
        assertThatThrownBy(() -> new PeriodCost(null, 1, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("costs.startDate:");
    }

    @Test
    void appendKeepsExistingCostsIncludingSameMonth() {
        PeriodCosts costs = new PeriodCosts(List.of(january)).append(List.of(january, february));
        assertThat(costs.entries()).containsExactly(january, january, february);
        assertThat(costs.total()).isEqualTo(4500);
    }

    @Test
    void replaceDropsExistingCosts() {
        PeriodCosts costs = new PeriodCosts(List.of(january)).replace(List.of(february));
        assertThat(costs.entries()).containsExactly(february);
    }

    @Test
    void replaceWithNothingClearsAllCosts() {
        PeriodCosts costs = new PeriodCosts(List.of(january, february)).replace(List.of());
        assertThat(costs.isEmpty()).isTrue();
        assertThat(costs.total()).isZero();
    }
}
