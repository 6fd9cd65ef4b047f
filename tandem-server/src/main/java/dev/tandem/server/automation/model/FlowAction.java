package dev.tandem.server.automation.model;

import java.time.Duration;
import java.time.Instant;

/** What one flow step (or one of its choices) does to a person. */
public sealed interface FlowAction {

    /** The name users see, e.g. "Change Program Status". */
    String displayName();

    /** Whether the action talks to Salesforce. */
    default boolean touchesSalesforce() {
        return false;
    }

    /** Adds the person to a Salesforce campaign with a status; people already in it are skipped. */
    record AddToSfdcCampaign(String campaignId, String status) implements FlowAction {
        @Override
        public String displayName() {
            return "Add to SFDC Campaign";
        }

        @Override
        public boolean touchesSalesforce() {
            return true;
        }
    }

    /** Removes the person from a Salesforce campaign; non-members are skipped. */
    record RemoveFromSfdcCampaign(String campaignId) implements FlowAction {
        @Override
        public String displayName() {
            return "Remove from SFDC Campaign";
        }

        @Override
        public boolean touchesSalesforce() {
            return true;
        }
    }

    /** Sets the person's status in a Salesforce campaign, adding them when needed. */
    record ChangeStatusInSfdcCampaign(String campaignId, String status) implements FlowAction {
        @Override
        public String displayName() {
            return "Change Status in SFDC Campaign";
        }

        @Override
        public boolean touchesSalesforce() {
            return true;
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
     * Holds the person before the next step: for a duration from when they reach the step, or until a date (people
     * reaching the step after that date go straight on). Exactly one of the two is set.
     */
    record Wait(Duration duration, Instant until) implements FlowAction {
        public Wait {
            if ((duration == null) == (until == null)) {
                throw new IllegalArgumentException("wait: exactly one of duration and until is required");
            }
        }

        /** A wait of a duration. */
        public static Wait of(Duration duration) {
            return new Wait(duration, null);
        }

        /** When a person who reaches the step at {@code now} moves on. */
        public Instant endsFor(Instant now) {
            if (until != null) {
                return until.isAfter(now) ? until : now;
            }
            return now.plus(duration);
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
