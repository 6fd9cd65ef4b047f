package dev.tandem.server.domain.people;

import dev.tandem.core.membership.SkipReason;

/** The outcome for one record of a person write, at input position {@code seq}; id is null when skipped. */
public record PersonResult(int seq, Status status, Long id, SkipReason reason) {

    /** Marketo's per-record statuses. */
    public enum Status { CREATED, UPDATED, SKIPPED }

    static PersonResult skipped(int seq, SkipReason reason) {
        return new PersonResult(seq, Status.SKIPPED, null, reason);
    }
}
