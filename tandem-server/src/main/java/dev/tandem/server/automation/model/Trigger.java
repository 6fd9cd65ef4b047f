package dev.tandem.server.automation.model;

import dev.tandem.core.automation.StatusConstraint;

/** A smart list trigger: the single event that can start a person through a trigger campaign's flow. */
public sealed interface Trigger {

    /** The name users see, e.g. "Added to SFDC Campaign". */
    String displayName();

    /** A person was added to a Salesforce campaign (activity 42), optionally with one of some statuses. */
    record AddedToSfdcCampaign(CampaignSelector campaigns, StatusConstraint status) implements Trigger {
        @Override
        public String displayName() {
            return "Added to SFDC Campaign";
        }
    }

    /** A person was removed from a Salesforce campaign (activity 43). */
    record RemovedFromSfdcCampaign(CampaignSelector campaigns) implements Trigger {
        @Override
        public String displayName() {
            return "Removed from SFDC Campaign";
        }
    }

    /** A person's Salesforce campaign status changed (activity 44); constraints on the new and previous status. */
    record StatusChangedInSfdcCampaign(CampaignSelector campaigns, StatusConstraint newStatus,
                                       StatusConstraint previousStatus) implements Trigger {
        @Override
        public String displayName() {
            return "Status is Changed in SFDC Campaign";
        }
    }

    /** A person's status in a program changed (activity 104), optionally from and to some statuses. */
    record ProgramStatusChanged(long programId, StatusConstraint newStatus, StatusConstraint previousStatus)
            implements Trigger {
        @Override
        public String displayName() {
            return "Program Status is Changed";
        }
    }

    /** A person was created (activity 12). */
    record PersonCreated() implements Trigger {
        @Override
        public String displayName() {
            return "Person is Created";
        }
    }

    /** The campaign was requested for the person through the REST API (activity 47). */
    record CampaignRequested() implements Trigger {
        @Override
        public String displayName() {
            return "Campaign is Requested";
        }
    }
}
