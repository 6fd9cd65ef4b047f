package dev.tandem.server.console.view;

import java.time.Instant;

/**
 * One entry of a smart campaign's flow log: what step {@code step} (from 1) did for a person, with the reason when it
 * was skipped or failed; {@code outcome} is done, skipped or failed.
 */
public record FlowLogRow(long id, Instant occurredAt, long personId, String personName, String email, int step,
                         String action, String outcome, String reason) {
}
