package dev.tandem.server.automation.document;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.core.automation.FilterLogic;
import dev.tandem.core.automation.QualificationRule;
import dev.tandem.core.automation.StatusConstraint;
import dev.tandem.core.automation.WaitDuration;
import dev.tandem.core.automation.WaitWindow;
import dev.tandem.server.automation.model.CampaignSelector;
import dev.tandem.server.automation.model.Filter;
import dev.tandem.server.automation.model.FlowAction;
import dev.tandem.server.automation.model.FlowStep;
import dev.tandem.server.automation.model.SmartList;
import dev.tandem.server.automation.model.Trigger;

import java.util.List;
import java.util.TreeSet;

/** Writes the model back as Tandem's rules and flow documents (what the readers accept, in canonical form). */
public final class DocumentWriter {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private DocumentWriter() {
    }

    /** The rules document of a smart list and qualification rule. */
    public static ObjectNode rules(SmartList list, QualificationRule rule) {
        ObjectNode doc = JSON.objectNode();
        ArrayNode triggers = doc.putArray("triggers");
        list.triggers().forEach(t -> triggers.add(trigger(t)));
        ArrayNode filters = doc.putArray("filters");
        list.filters().forEach(f -> filters.add(filter(f)));
        FilterLogic logic = list.logic();
        doc.put("filterLogic", logic.type().name().toLowerCase());
        if (logic.expression() != null) {
            String text = logic.expression().toString();
            // The canonical form wraps the outermost group in parentheses; drop them for readability.
            doc.put("advancedLogic", text.startsWith("(") && text.endsWith(")") ? text.substring(1, text.length() - 1)
                    : text);
        }
        ObjectNode qualification = doc.putObject("qualification");
        qualification.put("rule", switch (rule.kind()) {
            case ONCE -> "once";
            case EVERY_TIME -> "every time";
            case INTERVAL -> "interval";
        });
        if (rule.kind() == QualificationRule.Kind.INTERVAL) {
            qualification.put("interval", rule.interval());
            qualification.put("unit", rule.unit().name().toLowerCase());
        }
        return doc;
    }

    /** The flow document of these steps. */
    public static ObjectNode flow(List<FlowStep> steps) {
        ObjectNode doc = JSON.objectNode();
        ArrayNode array = doc.putArray("steps");
        for (FlowStep step : steps) {
            ObjectNode node = action(step.defaultAction());
            if (!step.choices().isEmpty()) {
                ArrayNode choices = node.putArray("choices");
                step.choices().forEach(c -> {
                    ObjectNode choice = choices.addObject();
                    choice.set("if", filter(c.condition()));
                    choice.set("then", action(c.action()));
                });
            }
            array.add(node);
        }
        return doc;
    }

    private static ObjectNode trigger(Trigger trigger) {
        ObjectNode node = JSON.objectNode();
        if (trigger instanceof Trigger.AddedToSfdcCampaign t) {
            node.put("type", "addedToSfdcCampaign");
            campaigns(node, t.campaigns());
            status(node, "status", t.status());
        } else if (trigger instanceof Trigger.RemovedFromSfdcCampaign t) {
            node.put("type", "removedFromSfdcCampaign");
            campaigns(node, t.campaigns());
        } else if (trigger instanceof Trigger.StatusChangedInSfdcCampaign t) {
            node.put("type", "statusChangedInSfdcCampaign");
            campaigns(node, t.campaigns());
            status(node, "newStatus", t.newStatus());
            status(node, "previousStatus", t.previousStatus());
        } else if (trigger instanceof Trigger.ProgramStatusChanged t) {
            node.put("type", "programStatusChanged");
            node.put("programId", t.programId());
            status(node, "newStatus", t.newStatus());
            status(node, "previousStatus", t.previousStatus());
        } else if (trigger instanceof Trigger.PersonCreated) {
            node.put("type", "personCreated");
        } else if (trigger instanceof Trigger.CampaignRequested) {
            node.put("type", "campaignRequested");
            node.put("source", "Web Service API");
        }
        return node;
    }

    private static ObjectNode filter(Filter filter) {
        ObjectNode node = JSON.objectNode();
        if (filter instanceof Filter.MemberOfSfdcCampaign f) {
            node.put("type", "memberOfSfdcCampaign");
            node.put("operator", f.in() ? "in" : "not in");
            ArrayNode ids = node.putArray("campaigns");
            f.campaignIds().forEach(ids::add);
            status(node, "status", f.status());
        } else if (filter instanceof Filter.MemberOfProgram f) {
            node.put("type", "memberOfProgram");
            node.put("operator", f.in() ? "in" : "not in");
            node.put("programId", f.programId());
            status(node, "status", f.status());
        } else if (filter instanceof Filter.AttributeMatches f) {
            node.put("type", "personAttribute");
            node.put("attribute", f.attribute().apiName());
            node.put("operator", f.operator().label());
            if (f.operator().takesValues()) {
                ArrayNode values = node.putArray("values");
                f.values().forEach(values::add);
            }
        }
        return node;
    }

    private static ObjectNode action(FlowAction action) {
        ObjectNode node = JSON.objectNode();
        if (action instanceof FlowAction.AddToSfdcCampaign a) {
            node.put("action", "addToSfdcCampaign").put("campaignId", a.campaignId()).put("status", a.status());
        } else if (action instanceof FlowAction.RemoveFromSfdcCampaign a) {
            node.put("action", "removeFromSfdcCampaign").put("campaignId", a.campaignId());
        } else if (action instanceof FlowAction.ChangeStatusInSfdcCampaign a) {
            node.put("action", "changeStatusInSfdcCampaign").put("campaignId", a.campaignId())
                    .put("status", a.status());
        } else if (action instanceof FlowAction.ChangeProgramStatus a) {
            node.put("action", "changeProgramStatus");
            if (a.programId() != null) {
                node.put("programId", a.programId());
            }
            node.put("status", a.status());
        } else if (action instanceof FlowAction.SyncPersonToSfdc a) {
            node.put("action", "syncPersonToSfdc");
            if (a.assignTo() != null) {
                node.put("assignTo", a.assignTo());
            }
        } else if (action instanceof FlowAction.RemoveFromProgram a) {
            node.put("action", "removeFromProgram");
            if (a.programId() != null) {
                node.put("programId", a.programId());
            }
        } else if (action instanceof FlowAction.Wait a) {
            node.put("action", "wait");
            if (a.until() != null) {
                node.put("until", a.until().toString());
            } else if (a.untilToken() != null) {
                node.put("untilToken", a.untilToken());
                if (a.offset() != null) {
                    node.put("offset", WaitDuration.formatOffset(a.offset()));
                }
            } else {
                node.put("duration", WaitDuration.format(a.duration()));
                if (a.endOn() != null) {
                    ObjectNode endOn = node.putObject("endOn");
                    ArrayNode days = endOn.putArray("days");
                    new TreeSet<>(a.endOn().days()).forEach(d -> days.add(WaitWindow.dayName(d)));
                    if (a.endOn().time() != null) {
                        endOn.put("time", a.endOn().time().toString());
                    }
                }
            }
        } else if (action instanceof FlowAction.DoNothing) {
            node.put("action", "doNothing");
        }
        return node;
    }

    private static void campaigns(ObjectNode node, CampaignSelector selector) {
        if (selector.any()) {
            node.put("campaigns", "any");
        } else {
            ArrayNode ids = node.putArray("campaigns");
            selector.campaignIds().forEach(ids::add);
        }
    }

    private static void status(ObjectNode node, String field, StatusConstraint constraint) {
        if (constraint != null) {
            ObjectNode status = node.putObject(field);
            status.put("operator", constraint.operator());
            ArrayNode values = status.putArray("values");
            constraint.statuses().forEach(values::add);
        }
    }
}
