package dev.tandem.server.sync.campaign;

import java.util.List;

/**
 * How a campaign's statuses compare with a channel's: {@code offending} statuses block a link, {@code missing}
 * channel statuses are created in Salesforce when linking.
 */
public record Compatibility(List<OffendingStatus> offending, List<String> missing) {

    public Compatibility {
        offending = List.copyOf(offending);
        missing = List.copyOf(missing);
    }

    /** True when no member holds a status the channel lacks. */
    public boolean compatible() {
        return offending.isEmpty();
    }
}
