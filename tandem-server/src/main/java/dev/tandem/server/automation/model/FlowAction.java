package dev.tandem.server.automation.model;

import dev.tandem.core.automation.WaitWindow;
import dev.tandem.core.token.TokenText;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/** What one flow step (or one of its choices) does to a person. */
public sealed interface FlowAction {

    /** The name users see, e.g. "Change Program Status". */
    String displayName();

    /** Whether the action talks to Salesforce. */
    default boolean touchesSalesforce() {
        return false;
    }

    /** The actions on one Salesforce campaign's membership (add, remove, change status). */
    sealed interface SfdcCampaignAction extends FlowAction {
        /** The Salesforce campaign the action writes to (an id, or a token that resolves to one). */
        String campaignId();

        @Override
        default boolean touchesSalesforce() {
            return true;
        }
    }

    /** Adds the person to a Salesforce campaign with a status; people already in it are skipped. */
    record AddToSfdcCampaign(String campaignId, String status) implements SfdcCampaignAction {
        @Override
        public String displayName() {
            return "Add to SFDC Campaign";
        }
    }

    /** Removes the person from a Salesforce campaign; non-members are skipped. */
    record RemoveFromSfdcCampaign(String campaignId) implements SfdcCampaignAction {
        @Override
        public String displayName() {
            return "Remove from SFDC Campaign";
        }
    }

    /** Sets the person's status in a Salesforce campaign, adding them when needed. */
    record ChangeStatusInSfdcCampaign(String campaignId, String status) implements SfdcCampaignAction {
        @Override
        public String displayName() {
            return "Change Status in SFDC Campaign";
        }
    }

    /** Moves the person to a program status (forward only); a null program means the campaign's own program. */
    record ChangeProgramStatus(Long programId, String status) implements FlowAction {
        @Override
        public String displayName() {
            return "Change Program Status";
        }
    }

    /**
     * Creates the person as a Salesforce Lead now, or updates their Lead or Contact. {@code assignTo} is a Salesforce
     * user id to own the record, or null for Salesforce's auto-assignment rules.
     */
    record SyncPersonToSfdc(String assignTo) implements FlowAction {
        @Override
        public String displayName() {
            return "Sync Person to SFDC";
        }

        @Override
        public boolean touchesSalesforce() {
            return true;
        }
    }

    /** Ends the person's membership of a program; a null program means the campaign's own program. */
    record RemoveFromProgram(Long programId) implements FlowAction {
        @Override
        public String displayName() {
            return "Remove from Program";
        }
    }

    /**
     * Holds the person before the next step. One of three kinds: a {@code duration} from when they reach the step,
     * optionally ending only on some days at a time of day ({@code endOn}, in the subscription time zone); a fixed
     * date ({@code until}); or the date in a token ({@code untilToken}, e.g. {@code {{my.Event Date}}}), moved by
     * {@code offset} (negative: before). A date already past lets the person go straight on.
     */
    record Wait(Duration duration, WaitWindow endOn, Instant until, String untilToken, Duration offset)
            implements FlowAction {
        public Wait {
            int kinds = (duration == null ? 0 : 1) + (until == null ? 0 : 1) + (untilToken == null ? 0 : 1);
            if (kinds != 1) {
                throw new IllegalArgumentException("wait: exactly one of duration, until and untilToken is required");
            }
            if (endOn != null && duration == null) {
                throw new IllegalArgumentException("wait: endOn applies to a wait of a duration only");
            }
            if (offset != null && untilToken == null) {
                throw new IllegalArgumentException("wait: offset applies to a wait until a date token only");
            }
            if (untilToken != null && TokenText.references(untilToken).size() != 1) {
                throw new IllegalArgumentException("wait: untilToken must be one token reference such as "
                        + "{{my.Event Date}}");
            }
        }

        /** A wait of a duration. */
        public static Wait of(Duration duration) {
            return new Wait(duration, null, null, null, null);
        }

        /** A wait until a fixed date. */
        public static Wait until(Instant until) {
            return new Wait(null, null, until, null, null);
        }

        /** When a person who reaches the step at {@code now} moves on; a date-token wait must be resolved first. */
        public Instant endsFor(Instant now, ZoneId zone) {
            if (untilToken != null) {
                throw new IllegalStateException("a date-token wait ends at its token's date; resolve the token first");
            }
            if (until != null) {
                return until.isAfter(now) ? until : now;
            }
            Instant nominal = now.plus(duration);
            return endOn == null ? nominal : endOn.endAfter(nominal, zone);
        }

        /** The fixed-date wait this date-token wait becomes once its token holds {@code date}. */
        public Wait at(Instant date) {
            return until(offset == null ? date : date.plus(offset));
        }

        @Override
        public String displayName() {
            return "Wait";
        }
    }

    /** A choice that deliberately does nothing. */
    record DoNothing() implements FlowAction {
        @Override
        public String displayName() {
            return "Do Nothing";
        }
    }
}
