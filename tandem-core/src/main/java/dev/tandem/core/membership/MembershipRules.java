package dev.tandem.core.membership;

import dev.tandem.core.channel.Channel;
import dev.tandem.core.channel.ProgressionStatus;

import java.util.Optional;

/** The program-status transition rules, as a pure function of the request. */
public final class MembershipRules {

    private MembershipRules() {
    }

    /**
     * Decides what a status change does. Unknown statuses are skipped with 1025; the same status is skipped
     * with 1037 (no activity for a re-set); forward-only sources skip lower steps with 1037 but may move
     * laterally; "Not in Program" removes the membership.
     */
    public static TransitionOutcome apply(StatusChange change) {
        Channel channel = change.channel();
        Optional<ProgressionStatus> target = channel.status(change.targetStatus());
        if (target.isEmpty()) {
            return new TransitionOutcome.Skipped(SkipReason.statusNotFound(change.targetStatus(), channel.name()));
        }
        Membership current = change.current();
        ProgressionStatus next = target.get();
        if (next.isNotInProgram()) {
            return current == null
                    ? new TransitionOutcome.Skipped(SkipReason.NOT_IN_PROGRAM)
                    : new TransitionOutcome.Removed(current);
        }
        if (current == null) {
            return new TransitionOutcome.Created(new Membership(change.programId(), change.personId(), next.name(),
                    change.now(), next.success(), next.success() ? change.now() : null, change.acquiresPerson(),
                    change.now()));
        }
        if (current.status().equals(next.name())) {
            return new TransitionOutcome.Skipped(SkipReason.ALREADY_IN_OR_PAST);
        }
        // A status the channel no longer has counts as step 0, so any move away from it is forward.
        int currentStep = channel.status(current.status()).map(ProgressionStatus::step).orElse(0);
        if (change.source().isForwardOnly(change.pullForwardOnly()) && next.step() < currentStep) {
            return new TransitionOutcome.Skipped(SkipReason.ALREADY_IN_OR_PAST);
        }
        boolean firstSuccess = next.success() && !current.reachedSuccess();
        Membership after = new Membership(current.programId(), current.personId(), next.name(),
                current.membershipDate(), current.reachedSuccess() || next.success(),
                firstSuccess ? change.now() : current.reachedSuccessDate(), current.acquiredBy(), change.now());
        return new TransitionOutcome.Changed(current, after);
    }
}
