package dev.tandem.server.domain.membership;

import dev.tandem.core.membership.ChangeSource;
import dev.tandem.core.membership.Membership;

import java.time.Instant;

/**
 * One effective membership change, as listeners see it. A creation has old status "Not in Program" (step 0),
 * a removal new status "Not in Program" (step 0) and a null {@code after}.
 */
public record MembershipChange(Kind kind, long programId, long personId, long memberId, String oldStatus, int oldStep,
                               String newStatus, int newStep, boolean reachedSuccessNow, ChangeSource source,
                               String reason, Long campaignId, Instant occurredAt, Membership after) {

    /** What happened to the membership. */
    public enum Kind { CREATED, CHANGED, REMOVED }
}
