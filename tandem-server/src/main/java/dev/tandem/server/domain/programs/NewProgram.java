package dev.tandem.server.domain.programs;

import dev.tandem.core.program.PeriodCost;
import dev.tandem.core.program.ProgramType;

import java.util.List;

/** What a caller gives to create a program; the channel is named and must apply to the type. */
public record NewProgram(String name, String description, ProgramType type, String channel, List<PeriodCost> costs) {

    public NewProgram {
        costs = costs == null ? List.of() : List.copyOf(costs);
    }
}
