package dev.tandem.server.domain.membership;

import dev.tandem.core.membership.SkipReason;

/** The outcome for one person of a membership request, at input position {@code seq}. */
public record MemberResult(int seq, long personId, Status status, SkipReason reason) {

    /** Marketo's per-record statuses. */
    public enum Status { CREATED, UPDATED, DELETED, SKIPPED }

    static MemberResult skipped(int seq, long personId, SkipReason reason) {
        return new MemberResult(seq, personId, Status.SKIPPED, reason);
    }
}
