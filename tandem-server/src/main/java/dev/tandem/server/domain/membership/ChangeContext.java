package dev.tandem.server.domain.membership;

import dev.tandem.core.membership.ChangeSource;

/**
 * Who asks for a membership change and why: the source decides the forward-only rule, the reason is written
 * to activity 104, and {@code campaignId} names the smart campaign whose flow made the change (else null).
 */
public record ChangeContext(ChangeSource source, String reason, Long campaignId) {

    public ChangeContext {
        if (source == null) {
            throw new IllegalArgumentException("source: must not be null");
        }
        if (reason == null || reason.isBlank()) {
            reason = defaultReason(source);
        }
    }

    /** A change without a smart campaign. */
    public static ChangeContext of(ChangeSource source, String reason) {
        return new ChangeContext(source, reason, null);
    }

    private static String defaultReason(ChangeSource source) {
        return switch (source) {
            case API -> "Changed by API";
            case FLOW -> "Changed by Smart Campaign";
            case CONSOLE -> "Changed by user";
            case IMPORT -> "Changed by list import";
            case SALESFORCE -> "Changed in Salesforce campaign";
        };
    }
}
