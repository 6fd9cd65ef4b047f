package dev.tandem.server.automation.model;

import dev.tandem.core.automation.QualificationRule;
import dev.tandem.core.automation.Recurrence;

import java.time.Instant;
import java.util.List;

/**
 * A smart campaign: belongs to a program (or none), has a smart list, a flow, a qualification rule and a state.
 * A trigger campaign is active or inactive; a batch campaign is run now, scheduled or recurring (its pending runs
 * live in the batch run table, its recurrence here).
 */
public record SmartCampaign(long id, String name, String description, Long programId, SmartList smartList,
                            List<FlowStep> flow, QualificationRule qualification, boolean active,
                            Recurrence recurrence, Instant createdAt, Instant updatedAt) {

    /** Longest campaign name. */
    public static final int MAX_NAME = 255;
    /** Longest description (Marketo's limit). */
    public static final int MAX_DESCRIPTION = 2000;

    public SmartCampaign {
        smartList = smartList == null ? SmartList.empty() : smartList;
        flow = flow == null ? List.of() : List.copyOf(flow);
        qualification = qualification == null ? QualificationRule.once() : qualification;
    }

    /** Trigger, batch or default, from the smart list. */
    public CampaignType type() {
        return CampaignType.of(smartList);
    }

    /** Whether the smart list has a "Campaign is Requested" trigger, so the API may request it. */
    public boolean isRequestable() {
        return smartList.triggers().stream().anyMatch(t -> t instanceof Trigger.CampaignRequested);
    }
}
