package dev.tandem.server.sync.lead;

import java.time.Instant;

/** A Lead found in Salesforce while looking for one an interrupted attempt may have created. */
public record ExistingLead(String id, String email, String firstName, String lastName, String company,
                           Instant createdDate) {
}
