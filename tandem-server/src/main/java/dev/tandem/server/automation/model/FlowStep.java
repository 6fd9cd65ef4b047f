package dev.tandem.server.automation.model;

import dev.tandem.core.automation.Choices;

import java.util.List;
import java.util.function.Predicate;

/**
 * One flow step: its choices in order (the first whose condition holds decides the action) and the default action
 * used when no choice holds (or the only action, when the step has no choices).
 */
public record FlowStep(List<Choice> choices, FlowAction defaultAction) {

    public FlowStep {
        choices = choices == null ? List.of() : List.copyOf(choices);
        if (defaultAction == null) {
            throw new IllegalArgumentException("action: required");
        }
    }

    /** A step without choices. */
    public static FlowStep of(FlowAction action) {
        return new FlowStep(List.of(), action);
    }

    /** A conditional variant of a step. */
    public record Choice(Filter condition, FlowAction action) {
    }

    /** The action for a person, given which conditions hold for them. */
    public FlowAction actionFor(Predicate<Filter> holds) {
        return Choices.firstMatch(choices, c -> holds.test(c.condition())).map(Choice::action).orElse(defaultAction);
    }
}
