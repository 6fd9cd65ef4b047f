package dev.tandem.core.membership;

import java.time.Instant;

/** A person's membership of a program: their current progression status and the dates that matter. */
public record Membership(long programId, long personId, String status, Instant membershipDate,
                         boolean reachedSuccess, Instant reachedSuccessDate, boolean acquiredBy, Instant updatedAt) {

    public Membership {
        if (status == null || status.isBlank()) {
            throw new IllegalArgumentException("statusName: must not be empty");
        }
        if (membershipDate == null) {
            throw new IllegalArgumentException("membershipDate: must not be null");
        }
        if (reachedSuccess != (reachedSuccessDate != null)) {
            throw new IllegalArgumentException("reachedSuccessDate: must be set exactly when reachedSuccess is true");
        }
    }
}
