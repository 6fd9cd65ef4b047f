package dev.tandem.server.sync.pull;

import dev.tandem.server.sync.mirror.MirrorRow;
import java.time.Instant;

/** The pure rules that classify a pulled CampaignMember against the mirror and the pending outbox. */
public final class PullRules {

    private PullRules() {
    }

    /**
     * Classifies one row.
     *
     * @param mirror         the mirror row of the member, or null
     * @param pendingOutbox whether the member has a local change not yet pushed
     */
    public static PullDecision decide(PulledMember row, MirrorRow mirror, boolean pendingOutbox) {
        return mirror == null ? decide(row, null, null, null, pendingOutbox)
                : decide(row, mirror.sfMemberId(), mirror.sfStatus(), mirror.sfModstamp(), pendingOutbox);
    }

    /**
     * Classifies one row against what Tandem holds for the member (all null when it holds nothing): the
     * CampaignMember id, its status and the SystemModstamp last read (null after a write of Tandem's own).
     */
    public static PullDecision decide(PulledMember row, String heldMemberId, String heldStatus, Instant heldModstamp,
                                      boolean pendingOutbox) {
        boolean held = heldMemberId != null;
        boolean sameMember = held && heldMemberId.equals(row.id());
        // SystemModstamp has whole seconds: two changes within one second share it, so the status must match too.
        if (sameMember && !row.deleted() && row.systemModstamp() != null
                && row.systemModstamp().equals(heldModstamp) && row.status().equals(heldStatus)) {
            return PullDecision.DUPLICATE;
        }
        if (row.deleted()) {
            if (!sameMember) {
                return PullDecision.IGNORE;
            }
            return pendingOutbox ? PullDecision.CONFLICT : PullDecision.REMOVE;
        }
        if (held && heldStatus.equals(row.status())) {
            return PullDecision.ECHO;
        }
        if (pendingOutbox) {
            return PullDecision.CONFLICT;
        }
        return held ? PullDecision.CHANGE : PullDecision.ADD;
    }
}
