package dev.tandem.server.automation.api;

import dev.tandem.core.automation.QualificationRule;
import dev.tandem.core.automation.Recurrence;
import dev.tandem.server.automation.document.RecurrenceJson;
import dev.tandem.server.automation.model.CampaignType;
import dev.tandem.server.automation.model.SmartCampaign;

import java.util.LinkedHashMap;
import java.util.Map;

/** A smart campaign as Marketo's asset API shows it. */
final class CampaignRepresentation {

    private CampaignRepresentation() {
    }

    /**
     * @param hasRuns whether a batch campaign has been scheduled or run (decides "Never Run" / "Single Run")
     */
    static Map<String, Object> of(SmartCampaign c, boolean hasRuns) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", c.id());
        out.put("name", c.name());
        out.put("description", c.description() == null ? "" : c.description());
        out.put("createdAt", c.createdAt());
        out.put("updatedAt", c.updatedAt());
        out.put("folder", c.programId() == null ? null : Map.of("type", "Program", "id", c.programId()));
        out.put("status", status(c, hasRuns));
        out.put("type", c.type().apiName());
        out.put("isSystem", false);
        out.put("isActive", c.active());
        out.put("isRequestable", c.isRequestable());
        out.put("isCommunicationLimitEnabled", false);
        out.put("recurrence", recurrence(c.recurrence()));
        QualificationRule rule = c.qualification();
        out.put("qualificationRuleType", rule.kind().apiName());
        if (rule.kind() == QualificationRule.Kind.INTERVAL) {
            out.put("qualificationRuleInterval", rule.interval());
            out.put("qualificationRuleUnit", rule.unit().name().toLowerCase());
        }
        out.put("maxMembers", 0);
        out.put("smartListId", c.id());
        out.put("flowId", c.id());
        out.put("parentProgramId", c.programId());
        out.put("workspace", "Default");
        return out;
    }

    private static String status(SmartCampaign c, boolean hasRuns) {
        if (c.type() == CampaignType.TRIGGER) {
            return c.active() ? "Active" : "Inactive";
        }
        if (c.type() == CampaignType.BATCH) {
            if (c.recurrence() != null) {
                return "Recurring Run";
            }
            return hasRuns ? "Single Run" : "Never Run";
        }
        return "Inactive";
    }

    private static Object recurrence(Recurrence r) {
        return r == null ? null : RecurrenceJson.write(r);
    }
}
