package dev.tandem.salesforce.limits;

import dev.tandem.salesforce.error.ApiError;
import dev.tandem.salesforce.error.ErrorCodes;
import dev.tandem.salesforce.error.SalesforceException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Tandem's share of the org's daily API allocation. Every response's usage report is recorded; before each
 * counted request {@link #admit()} either refuses (budget used up: a LIMIT exception the caller reschedules on)
 * or returns how long to wait first, which grows as usage nears the budget.
 *
 * <p>Rule: the org-wide usage Salesforce reports may reach {@code budgetPercent} of the allocation, never more.
 * Using the org-wide figure (not only Tandem's own calls) keeps the rule valid across restarts and leaves the
 * rest of the allocation to the org's other integrations.
 */
public final class ApiBudget {
    private final int budgetPercent;
    private final int throttleFromPercentOfBudget;
    private final Duration maxThrottleDelay;
    private final Duration recheckAfter;
    private final Clock clock;
    private final CallWindow window;
    private long used = -1;
    private long max = -1;
    private Instant reportedAt = Instant.MIN;

    /**
     * @param budgetPercent               share (1..100) of the org's allocation Tandem may let usage reach
     * @param throttleFromPercentOfBudget throttling starts when usage reaches this share (0..100) of the budget
     * @param maxThrottleDelay            the wait imposed just below the budget
     * @param recheckAfter                once used up, one probing call is let through after this long, since
     *                                    the rolling 24 h window frees capacity over time
     */
    public ApiBudget(int budgetPercent, int throttleFromPercentOfBudget, Duration maxThrottleDelay,
                     Duration recheckAfter, Clock clock) {
        if (budgetPercent < 1 || budgetPercent > 100) {
            throw new IllegalArgumentException("apiBudgetPercent must be within 1..100, was " + budgetPercent);
        }
        if (throttleFromPercentOfBudget < 0 || throttleFromPercentOfBudget > 100) {
            throw new IllegalArgumentException(
                    "throttleFromPercentOfBudget must be within 0..100, was " + throttleFromPercentOfBudget);
        }
        this.budgetPercent = budgetPercent;
        this.throttleFromPercentOfBudget = throttleFromPercentOfBudget;
        this.maxThrottleDelay = maxThrottleDelay;
        this.recheckAfter = recheckAfter;
        this.clock = clock;
        this.window = new CallWindow(clock);
    }

    /** Records what Salesforce reported on a response. */
    public synchronized void record(long reportedUsed, long reportedMax) {
        used = reportedUsed;
        max = reportedMax;
        reportedAt = clock.instant();
    }

    /** Records that the org refused a request for exceeding its limit: usage is at the maximum. */
    public synchronized void recordLimitExceeded() {
        if (max > 0) {
            used = max;
        }
        reportedAt = clock.instant();
    }

    /**
     * Decides whether one more counted request may be sent.
     *
     * @return how long to wait before sending (zero when usage is well below the budget)
     * @throws SalesforceException of kind LIMIT when the budget is used up
     */
    public synchronized Duration admit() {
        if (max <= 0) {
            return Duration.ZERO;
        }
        long budget = max * budgetPercent / 100;
        if (used >= budget) {
            boolean stale = Duration.between(reportedAt, clock.instant()).compareTo(recheckAfter) >= 0;
            if (stale) {
                // Let one request through to learn the current usage; it is recorded before the next admit.
                reportedAt = clock.instant();
                return Duration.ZERO;
            }
            throw new SalesforceException(0, new ApiError(ErrorCodes.API_BUDGET_EXHAUSTED,
                    "Tandem's share of the daily API limit is used up: " + used + " of " + max + " requests used, "
                            + "budget is " + budgetPercent + "% (" + budget + ")", List.of()));
        }
        return throttleDelay(used, budget);
    }

    private Duration throttleDelay(long usedNow, long budget) {
        long start = budget * throttleFromPercentOfBudget / 100;
        if (usedNow < start || budget <= start) {
            return Duration.ZERO;
        }
        double progress = (double) (usedNow - start) / (budget - start);
        return Duration.ofMillis(Math.round(maxThrottleDelay.toMillis() * progress));
    }

    /** Counts one request this client sent (for Tandem's share of the usage). */
    public void countCall() {
        window.add();
    }

    /** A snapshot of the usage and the budget. */
    public synchronized ApiUsage usage() {
        return new ApiUsage(used, max, window.total(), budgetPercent);
    }
}
