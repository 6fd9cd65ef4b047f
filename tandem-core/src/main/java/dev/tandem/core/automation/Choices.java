package dev.tandem.core.automation;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** Choice selection of a flow step: the first choice whose condition holds wins, else the default applies. */
public final class Choices {

    private Choices() {
    }

    /** The first choice that {@code holds}, or empty when none does (the step's default then applies). */
    public static <C> Optional<C> firstMatch(List<C> choices, Predicate<? super C> holds) {
        for (C choice : choices) {
            if (holds.test(choice)) {
                return Optional.of(choice);
            }
        }
        return Optional.empty();
    }
}
