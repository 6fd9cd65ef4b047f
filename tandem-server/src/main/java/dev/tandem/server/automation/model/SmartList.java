package dev.tandem.server.automation.model;

import dev.tandem.core.automation.FilterLogic;

import java.util.List;

/** The smart list of a campaign: triggers (always ORed) and filters combined by the filter logic. */
public record SmartList(List<Trigger> triggers, List<Filter> filters, FilterLogic logic) {

    public SmartList {
        triggers = triggers == null ? List.of() : List.copyOf(triggers);
        filters = filters == null ? List.of() : List.copyOf(filters);
        logic = logic == null ? FilterLogic.all() : logic;
    }

    /** No triggers and no filters. */
    public static SmartList empty() {
        return new SmartList(List.of(), List.of(), FilterLogic.all());
    }
}
