package dev.tandem.server.sync.reconcile;

import dev.tandem.core.channel.Channel;
import dev.tandem.core.channel.ProgressionStatus;
import java.util.Optional;

/**
 * The reconcile rule: both sides end with the union of members; where statuses differ the higher step of the
 * program's channel wins, and Tandem wins ties and statuses the channel does not know.
 */
public final class MergeRules {

    private MergeRules() {
    }

    /** Merges one person's state; {@code tandemStatus} / {@code sfStatus} are null when absent on that side. */
    public static MemberMerge merge(Channel channel, String tandemStatus, String sfStatus) {
        if (tandemStatus == null && sfStatus == null) {
            throw new IllegalArgumentException("merge: the person must be a member on at least one side");
        }
        Optional<ProgressionStatus> sf = sfStatus == null ? Optional.empty() : memberStatus(channel, sfStatus);
        if (tandemStatus == null) {
            return sf.isPresent() ? new MemberMerge.PullToTandem(sfStatus, null) : new MemberMerge.Unmappable(sfStatus);
        }
        if (sfStatus == null) {
            return new MemberMerge.PushToSalesforce(tandemStatus, null);
        }
        if (tandemStatus.equals(sfStatus)) {
            return new MemberMerge.InStep();
        }
        int tandemStep = channel.status(tandemStatus).map(ProgressionStatus::step).orElse(0);
        if (sf.isPresent() && sf.get().step() > tandemStep) {
            return new MemberMerge.PullToTandem(sfStatus, tandemStatus);
        }
        return new MemberMerge.PushToSalesforce(tandemStatus, sfStatus);
    }

    private static Optional<ProgressionStatus> memberStatus(Channel channel, String name) {
        return channel.status(name).filter(s -> !s.isNotInProgram());
    }
}
