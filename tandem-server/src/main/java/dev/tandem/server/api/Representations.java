package dev.tandem.server.api;

import dev.tandem.core.activity.Activity;
import dev.tandem.core.activity.ActivityType;
import dev.tandem.core.activity.AttributeSpec;
import dev.tandem.core.channel.Channel;
import dev.tandem.core.channel.ProgressionStatus;
import dev.tandem.core.membership.Membership;
import dev.tandem.core.person.Person;
import dev.tandem.core.program.PeriodCost;
import dev.tandem.core.program.Program;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** How domain values look on the wire, field for field as Marketo names them. Maps keep Marketo's field order. */
final class Representations {
    private Representations() {
    }

    static Map<String, Object> program(Program program) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", program.id());
        out.put("name", program.name());
        out.put("description", program.description());
        out.put("createdAt", program.createdAt());
        out.put("updatedAt", program.updatedAt());
        out.put("type", program.type().apiName());
        out.put("channel", program.channelName());
        out.put("status", "");
        out.put("workspace", "Default");
        out.put("tags", List.of());
        out.put("costs", program.costs().isEmpty() ? null : program.costs().entries().stream().map(Representations::cost).toList());
        out.put("sfdcId", program.sfdcCampaignId());
        out.put("sfdcName", program.sfdcCampaignName());
        return out;
    }

    private static Map<String, Object> cost(PeriodCost cost) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("startDate", cost.month().atDay(1).toString());
        out.put("cost", cost.amount());
        out.put("note", cost.note());
        return out;
    }

    static Map<String, Object> channel(Channel channel) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", channel.id());
        out.put("name", channel.name());
        out.put("applicableProgramType", channel.applicableProgramType().internalName());
        List<Map<String, Object>> statuses = new ArrayList<>();
        for (ProgressionStatus status : channel.statuses()) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("name", status.name());
            s.put("step", status.step());
            s.put("description", status.description());
            s.put("hidden", status.hidden());
            s.put("success", status.success());
            statuses.add(s);
        }
        out.put("progressionStatuses", statuses);
        return out;
    }

    /** The person's fields a client asked for ({@link LeadFields#DEFAULTS} when it asked for none). */
    static Map<String, Object> person(Person person, List<String> fields) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", person.id());
        for (String field : fields) {
            if (!field.equals("id")) {
                out.put(field, LeadFields.value(person, field));
            }
        }
        return out;
    }

    /** A program member; {@code fields} chooses beyond the ids, as Marketo's {@code fields} parameter does. */
    static Map<String, Object> member(int seq, Membership membership, List<String> fields) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("seq", seq);
        out.put("leadId", membership.personId());
        out.put("programId", membership.programId());
        for (String field : fields) {
            out.put(field, MemberFields.value(membership, field));
        }
        return out;
    }

    static Map<String, Object> activity(Activity activity) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", activity.id());
        out.put("marketoGUID", String.valueOf(activity.id()));
        out.put("leadId", activity.personId());
        out.put("activityDate", activity.occurredAt());
        out.put("activityTypeId", activity.type().id());
        out.put("campaignId", activity.campaignId());
        out.put("primaryAttributeValueId", activity.primaryAttributeValueId());
        out.put("primaryAttributeValue", activity.primaryAttributeValue());
        List<Map<String, Object>> attributes = new ArrayList<>();
        activity.attributes().forEach((name, value) -> {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("name", name);
            a.put("value", value instanceof Instant instant ? instant.toString() : value);
            attributes.add(a);
        });
        out.put("attributes", attributes);
        return out;
    }

    static Map<String, Object> activityType(ActivityType type) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", type.id());
        out.put("name", type.displayName());
        out.put("description", type.description());
        type.primaryAttribute().ifPresent(primary -> out.put("primaryAttribute", attribute(primary)));
        out.put("attributes", type.attributes().stream().map(Representations::attribute).toList());
        return out;
    }

    private static Map<String, Object> attribute(AttributeSpec spec) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", spec.name());
        out.put("dataType", spec.dataType());
        return out;
    }
}
