package dev.tandem.core.program;

import java.util.ArrayList;
import java.util.List;

/** The period costs of a program, in the order they were added; several may share a month. */
public record PeriodCosts(List<PeriodCost> entries) {

    private static final PeriodCosts NONE = new PeriodCosts(List.of());

    public PeriodCosts {
        entries = entries == null ? List.of() : List.copyOf(entries);
    }

    /** No costs at all. */
    public static PeriodCosts none() {
        return NONE;
    }

    /** These costs followed by the added ones (a normal update). */
    public PeriodCosts append(List<PeriodCost> added) {
        List<PeriodCost> all = new ArrayList<>(entries);
        all.addAll(added);
        return new PeriodCosts(all);
    }

    /** Exactly the given costs, dropping the existing ones (a destructive update; an empty list clears). */
    public PeriodCosts replace(List<PeriodCost> replacement) {
        return new PeriodCosts(replacement);
    }

    /** Sum over all months; this is what becomes the Salesforce campaign's actual cost. */
    public long total() {
        return entries.stream().mapToLong(PeriodCost::amount).sum();
    }

    /** True when no cost is recorded. */
    public boolean isEmpty() {
        return entries.isEmpty();
    }
}
