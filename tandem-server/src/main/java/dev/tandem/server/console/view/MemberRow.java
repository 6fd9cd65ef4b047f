package dev.tandem.server.console.view;

import java.time.Instant;

/** A program member with the person's name, as the members table shows it. */
public record MemberRow(long personId, String email, String name, String company, String status,
                        Instant membershipDate, boolean reachedSuccess, String sfdcId) {
}
