package dev.tandem.salesforce.limits;

/**
 * The org's daily API usage as last reported by Salesforce, and Tandem's share of it.
 *
 * @param used          requests the whole org used in the rolling 24 h window (-1 until Salesforce reported it)
 * @param max           the org's daily allocation (-1 until reported)
 * @param clientCalls   counted requests this client sent in the last 24 h
 * @param budgetPercent the share of {@code max} Tandem may let the org's usage reach
 */
public record ApiUsage(long used, long max, long clientCalls, int budgetPercent) {

    /** True once Salesforce has reported usage on a response. */
    public boolean known() {
        return max > 0 && used >= 0;
    }

    /** The usage level at which Tandem stops: {@code floor(max * budgetPercent / 100)}. */
    public long budget() {
        return known() ? max * budgetPercent / 100 : -1;
    }

    /** Counted requests Tandem may still send before it stops (0 when used up, -1 when unknown). */
    public long remainingBudget() {
        return known() ? Math.max(0, budget() - used) : -1;
    }

    /** The fraction of the org's allocation used so far (0..1, or 0 when unknown). */
    public double usedShare() {
        return known() ? Math.min(1.0, (double) used / max) : 0.0;
    }

    /** The fraction of the org's allocation that this client's own calls account for. */
    public double clientShare() {
        return known() ? Math.min(1.0, (double) clientCalls / max) : 0.0;
    }
}
