package dev.tandem.core.membership;

/** What applying a status change to one person does. */
public sealed interface TransitionOutcome {

    /** The person was not a member and now is. */
    record Created(Membership after) implements TransitionOutcome {
    }

    /** The member moved to another status. */
    record Changed(Membership before, Membership after) implements TransitionOutcome {
    }

    /** The member left the program ("Not in Program"). */
    record Removed(Membership before) implements TransitionOutcome {
    }

    /** Nothing changes, for the stated reason. */
    record Skipped(SkipReason reason) implements TransitionOutcome {
    }

    /** True when something changed and must be stored. */
    default boolean isEffective() {
        return !(this instanceof Skipped);
    }
}
