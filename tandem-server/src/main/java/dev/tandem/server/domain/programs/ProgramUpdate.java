package dev.tandem.server.domain.programs;

import dev.tandem.core.program.PeriodCost;

import java.util.List;

/**
 * Changes to a program. Null name/description keep the stored value. Costs are appended, unless
 * {@code costsDestructiveUpdate} is set, when they replace all stored costs (null or empty then clears them).
 */
public record ProgramUpdate(String name, String description, List<PeriodCost> costs, boolean costsDestructiveUpdate) {

    public ProgramUpdate {
        costs = costs == null ? List.of() : List.copyOf(costs);
    }
}
