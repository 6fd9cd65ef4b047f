package dev.tandem.server.sync.lead;

import java.time.Instant;

/** Tandem's committed intent to create a Lead for a person, with the values it sends and since when it is open. */
public record LeadIntent(long personId, Instant createdAt, LeadFields fields) {
}
