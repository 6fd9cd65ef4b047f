package dev.tandem.server.automation.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Salesforce campaigns a smart campaign names: in triggers ("any campaign" names none), filters, choice
 * conditions and the three Salesforce campaign flow actions. The campaign sync watches each of them that is not
 * linked to a program, so triggers and filters see its members.
 */
public final class SfdcCampaignReferences {

    private SfdcCampaignReferences() {
    }

    /**
     * The well-formed campaign ids named by the rules and the flow, keyed by their 15-character form (the
     * 18-character spelling when both appear).
     */
    public static Map<String, String> of(SmartList list, List<FlowStep> flow) {
        List<String> ids = new ArrayList<>();
        for (Trigger trigger : list.triggers()) {
            if (trigger instanceof Trigger.AddedToSfdcCampaign t) {
                ids.addAll(t.campaigns().campaignIds());
            } else if (trigger instanceof Trigger.RemovedFromSfdcCampaign t) {
                ids.addAll(t.campaigns().campaignIds());
            } else if (trigger instanceof Trigger.StatusChangedInSfdcCampaign t) {
                ids.addAll(t.campaigns().campaignIds());
            }
        }
        list.filters().forEach(f -> addFilter(f, ids));
        for (FlowStep step : flow) {
            addAction(step.defaultAction(), ids);
            for (FlowStep.Choice choice : step.choices()) {
                addFilter(choice.condition(), ids);
                addAction(choice.action(), ids);
            }
        }
        Map<String, String> byKey = new LinkedHashMap<>();
        // The 18-character spelling is preferred: it is the one Salesforce returns and queries need no conversion.
        ids.stream().filter(SfdcCampaignIds::isCampaignId)
                .forEach(id -> byKey.merge(SfdcCampaignIds.key(id), id, (kept, next) -> kept.length() >= next.length()
                        ? kept : next));
        return byKey;
    }

    private static void addFilter(Filter filter, List<String> ids) {
        if (filter instanceof Filter.MemberOfSfdcCampaign f) {
            ids.addAll(f.campaignIds());
        }
    }

    private static void addAction(FlowAction action, List<String> ids) {
        if (action instanceof FlowAction.SfdcCampaignAction a) {
            ids.add(a.campaignId());
        }
    }
}
