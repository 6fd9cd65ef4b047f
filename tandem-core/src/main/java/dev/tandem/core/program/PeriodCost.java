package dev.tandem.core.program;

import java.time.YearMonth;

/** Money spent on a program in one month: a whole amount in the instance currency, with an optional note. */
public record PeriodCost(YearMonth month, long amount, String note) {

    /** Largest amount a single period cost may carry. */
    public static final long MAX_AMOUNT = 99_999_999L;

    public PeriodCost {
        if (month == null) {
            throw new IllegalArgumentException("costs.startDate: must not be empty");
        }
        if (amount < 0 || amount > MAX_AMOUNT) {
            throw new IllegalArgumentException("costs.cost: must be a whole number from 0 to " + MAX_AMOUNT
                    + ", was " + amount);
        }
        if (note != null && note.isBlank()) {
            note = null;
        }
    }
}
