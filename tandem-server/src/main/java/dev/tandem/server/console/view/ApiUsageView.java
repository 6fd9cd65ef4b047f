package dev.tandem.server.console.view;

/**
 * The org's API requests as Salesforce last reported them, next to Tandem's budget.
 *
 * @param known   false until Tandem has talked to Salesforce (then the other numbers mean nothing)
 * @param used    requests used today by every client of the org
 * @param max     the org's daily limit
 * @param budget  how many Tandem may let the org reach (its budget percent of the limit)
 * @param tandem  calls this node made since it started
 */
public record ApiUsageView(boolean known, long used, long max, long budget, long tandem, int budgetPercent) {

    /** Nothing known yet. */
    public static ApiUsageView unknown(int budgetPercent) {
        return new ApiUsageView(false, 0, 0, 0, 0, budgetPercent);
    }
}
