package dev.tandem.server.sync.outbox;

import java.time.Instant;

/** One stored outbox row: a membership change committed locally and not yet confirmed by Salesforce. */
public record OutboxEntry(long id, MemberKey member, DesiredState desired, String origin, Instant createdAt,
                          int attempts) {
}
