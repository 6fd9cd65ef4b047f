package dev.tandem.server.console.view;

import java.time.Instant;

/** A person as the people table shows it. */
public record PersonRow(long id, String email, String name, String company, String sfdcType, String sfdcId,
                        Instant createdAt) {
}
