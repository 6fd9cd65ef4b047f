package dev.tandem.server.automation.trigger;

import dev.tandem.core.activity.ActivityType;
import dev.tandem.core.automation.StatusConstraint;
import dev.tandem.server.automation.model.SmartCampaign;
import dev.tandem.server.automation.model.Trigger;
import dev.tandem.server.automation.queue.TriggerEvent;

/** Whether a queued activity fires a trigger: a pure function of the trigger, the event and the campaign. */
public final class TriggerMatcher {

    private TriggerMatcher() {
    }

    /** Whether any of the campaign's triggers fires (triggers are always ORed). */
    public static boolean fires(SmartCampaign campaign, TriggerEvent event) {
        for (Trigger trigger : campaign.smartList().triggers()) {
            if (matches(trigger, event, campaign.id())) {
                return true;
            }
        }
        return false;
    }

    /** Whether one trigger fires for the event, in a campaign with id {@code campaignId}. */
    public static boolean matches(Trigger trigger, TriggerEvent event, long campaignId) {
        int type = event.typeId();
        if (trigger instanceof Trigger.AddedToSfdcCampaign t) {
            return type == ActivityType.ADD_TO_SFDC_CAMPAIGN.id() && t.campaigns().matches(event.sfdcCampaignId())
                    && allows(t.status(), event.newStatus());
        }
        if (trigger instanceof Trigger.RemovedFromSfdcCampaign t) {
            return type == ActivityType.REMOVE_FROM_SFDC_CAMPAIGN.id() && t.campaigns().matches(event.sfdcCampaignId());
        }
        if (trigger instanceof Trigger.StatusChangedInSfdcCampaign t) {
            return type == ActivityType.CHANGE_STATUS_IN_SFDC_CAMPAIGN.id()
                    && t.campaigns().matches(event.sfdcCampaignId())
                    && allows(t.newStatus(), event.newStatus()) && allows(t.previousStatus(), event.oldStatus());
        }
        if (trigger instanceof Trigger.ProgramStatusChanged t) {
            return type == ActivityType.CHANGE_STATUS_IN_PROGRESSION.id() && event.subjectId() != null
                    && event.subjectId() == t.programId()
                    && allows(t.newStatus(), event.newStatus()) && allows(t.previousStatus(), event.oldStatus());
        }
        if (trigger instanceof Trigger.PersonCreated) {
            return type == ActivityType.NEW_LEAD.id();
        }
        if (trigger instanceof Trigger.CampaignRequested) {
            // A request names the campaign it is for; it fires that campaign only.
            return type == ActivityType.REQUEST_CAMPAIGN.id() && event.subjectId() != null
                    && event.subjectId() == campaignId;
        }
        return false;
    }

    private static boolean allows(StatusConstraint constraint, String status) {
        return constraint == null || constraint.matches(status);
    }
}
