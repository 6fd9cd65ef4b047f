package dev.tandem.server.sync.push;

import dev.tandem.server.sync.mirror.MirrorRow;
import dev.tandem.server.sync.outbox.DesiredState;

/** Decides the write for one member from its desired state and what the mirror says Salesforce holds. */
public final class PushPlanner {

    private PushPlanner() {
    }

    /** The write that takes Salesforce from {@code mirror} (null when not a member there) to {@code desired}. */
    public static PushAction plan(DesiredState desired, MirrorRow mirror) {
        if (desired.isRemoved()) {
            return mirror == null ? new PushAction.Nothing() : new PushAction.Delete(mirror.sfMemberId(), mirror.sfStatus());
        }
        if (mirror == null) {
            return new PushAction.Insert(desired.status());
        }
        if (mirror.sfStatus().equals(desired.status())) {
            return new PushAction.Nothing();
        }
        return new PushAction.Update(mirror.sfMemberId(), mirror.sfStatus(), desired.status());
    }
}
