package dev.tandem.server.sync.pull;

import dev.tandem.server.sync.mirror.MirrorRow;

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
        boolean sameMember = mirror != null && mirror.sfMemberId().equals(row.id());
        // SystemModstamp has whole seconds: two changes within one second share it, so the status must match too.
        if (sameMember && !row.deleted() && row.systemModstamp() != null
                && row.systemModstamp().equals(mirror.sfModstamp()) && row.status().equals(mirror.sfStatus())) {
            return PullDecision.DUPLICATE;
        }
        if (row.deleted()) {
            if (!sameMember) {
                return PullDecision.IGNORE;
            }
            return pendingOutbox ? PullDecision.CONFLICT : PullDecision.REMOVE;
        }
        if (mirror != null && mirror.sfStatus().equals(row.status())) {
            return PullDecision.ECHO;
        }
        if (pendingOutbox) {
            return PullDecision.CONFLICT;
        }
        return mirror == null ? PullDecision.ADD : PullDecision.CHANGE;
    }
}
