package dev.tandem.server.automation.model;

import dev.tandem.core.activity.ActivityType;
import dev.tandem.core.automation.StatusConstraint;

/** A smart list trigger: the single event that can start a person through a trigger campaign's flow. */
public sealed interface Trigger {

    /** The name users see, e.g. "Added to SFDC Campaign". */
    String displayName();

    /** The activity this trigger listens to; only activities of a type some active trigger listens to are queued. */
    ActivityType activity();

    /** A person was added to a Salesforce campaign (activity 42), optionally with one of some statuses. */
    record AddedToSfdcCampaign(CampaignSelector campaigns, StatusConstraint status) implements Trigger {
        @Override
        public String displayName() {
            return "Added to SFDC Campaign";
        }

        @Override
        public ActivityType activity() {
            return ActivityType.ADD_TO_SFDC_CAMPAIGN;
        }
    }

    /** A person was removed from a Salesforce campaign (activity 43). */
    record RemovedFromSfdcCampaign(CampaignSelector campaigns) implements Trigger {
        @Override
        public String displayName() {
            return "Removed from SFDC Campaign";
        }

        @Override
        public ActivityType activity() {
            return ActivityType.REMOVE_FROM_SFDC_CAMPAIGN;
        }
    }

    /** A person's Salesforce campaign status changed (activity 44); constraints on the new and previous status. */
    record StatusChangedInSfdcCampaign(CampaignSelector campaigns, StatusConstraint newStatus,
                                       StatusConstraint previousStatus) implements Trigger {
        @Override
        public String displayName() {
            return "Status is Changed in SFDC Campaign";
        }

        @Override
        public ActivityType activity() {
            return ActivityType.CHANGE_STATUS_IN_SFDC_CAMPAIGN;
        }
    }

    /** A person's status in a program changed (activity 104), optionally from and to some statuses. */
    record ProgramStatusChanged(long programId, StatusConstraint newStatus, StatusConstraint previousStatus)
            implements Trigger {
        @Override
        public String displayName() {
            return "Program Status is Changed";
        }

        @Override
        public ActivityType activity() {
            return ActivityType.CHANGE_STATUS_IN_PROGRESSION;
        }
    }

    /** A person was created (activity 12). */
    record PersonCreated() implements Trigger {
        @Override
        public String displayName() {
            return "Person is Created";
        }

        @Override
        public ActivityType activity() {
            return ActivityType.NEW_LEAD;
        }
    }

    /** The campaign was requested for the person through the REST API (activity 47). */
    record CampaignRequested() implements Trigger {
        @Override
        public String displayName() {
            return "Campaign is Requested";
        }

        @Override
        public ActivityType activity() {
            return ActivityType.REQUEST_CAMPAIGN;
        }
    }
}
