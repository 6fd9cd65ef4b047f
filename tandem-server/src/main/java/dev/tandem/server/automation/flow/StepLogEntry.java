package dev.tandem.server.automation.flow;

import java.time.Instant;

/** What one flow step did for one person, as recorded: {@code stepIndex} is 0-based. */
public record StepLogEntry(long id, long personId, int stepIndex, String action, StepOutcome.Kind outcome,
                          String reason, Instant occurredAt) {
}
