package dev.tandem.core.program;

import java.time.Instant;

/**
 * A marketing program. Type and channel are fixed when it is created; the Salesforce campaign fields are
 * set while the program is linked to a campaign and null otherwise.
 */
public record Program(long id, String name, String description, ProgramType type, String channelName,
                      PeriodCosts costs, String sfdcCampaignId, String sfdcCampaignName,
                      Instant createdAt, Instant updatedAt) {

    /** Longest program name accepted. */
    public static final int MAX_NAME_LENGTH = 255;

    public Program {
        name = requireName(name);
        if (type == null) {
            throw new IllegalArgumentException("type: must not be empty");
        }
        if (channelName == null || channelName.isBlank()) {
            throw new IllegalArgumentException("channel: must not be empty");
        }
        costs = costs == null ? PeriodCosts.none() : costs;
    }

    /** Validates and trims a program name, naming the field in the error. */
    public static String requireName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name: must not be empty");
        }
        String trimmed = name.trim();
        if (trimmed.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("name: must be at most " + MAX_NAME_LENGTH + " characters, was "
                    + trimmed.length());
        }
        return trimmed;
    }

    /** Whether the program is currently linked to a Salesforce campaign. */
    public boolean isLinked() {
        return sfdcCampaignId != null;
    }
}
