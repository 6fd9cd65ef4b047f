package dev.tandem.server.console.view;

import java.time.Instant;

/** One program a person belongs to, as the person page lists it. */
public record PersonMembership(long programId, String programName, String channel, String status,
                               Instant membershipDate, boolean reachedSuccess, boolean acquiredBy,
                               String campaignName) {
}
