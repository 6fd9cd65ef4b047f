package dev.tandem.server.console.view;

import java.time.Instant;
import java.util.Map;

/** One entry of a person's activity log. */
public record ActivityRow(long id, Instant occurredAt, int typeId, String typeName, String primaryValue,
                          Map<String, Object> attributes) {
}
