package dev.tandem.server.store;

import dev.tandem.core.membership.Membership;

/** A membership as stored, with the "Program Member ID" the database gave it. */
public record StoredMembership(Membership membership, long memberId) {
}
