package dev.tandem.salesforce.query;

import java.time.Instant;
import java.util.List;

/**
 * The ids changed in a window ({@code getUpdated}). The next poll must start at {@code latestDateCovered},
 * which may be earlier than the requested end.
 */
public record UpdatedIds(List<String> ids, Instant latestDateCovered) {
    public UpdatedIds {
        ids = List.copyOf(ids);
    }
}
