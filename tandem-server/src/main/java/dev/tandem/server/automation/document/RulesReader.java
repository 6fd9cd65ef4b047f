package dev.tandem.server.automation.document;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.core.automation.FilterLogic;
import dev.tandem.core.automation.InvalidExpressionException;
import dev.tandem.core.automation.QualificationRule;
import dev.tandem.core.automation.StatusConstraint;
import dev.tandem.core.automation.TextOperator;
import dev.tandem.server.automation.model.CampaignSelector;
import dev.tandem.server.automation.model.Filter;
import dev.tandem.server.automation.model.PersonAttribute;
import dev.tandem.server.automation.model.SmartList;
import dev.tandem.server.automation.model.Trigger;
import dev.tandem.server.automation.validation.InvalidCampaignException;
import dev.tandem.server.automation.validation.Problems;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;

/**
 * Reads Tandem's rules document (triggers, filters, filter logic, qualification rule) into the model. Every
 * structural problem is reported with its path; references to programs and statuses are checked later by the
 * campaign validator.
 */
public final class RulesReader {

    /** The smart list and qualification rule of a rules document. */
    public record Rules(SmartList smartList, QualificationRule qualification) {
    }

    /** Most triggers, and most filters, one smart list may hold. */
    public static final int MAX_RULES = 100;

    private RulesReader() {
    }

    /**
     * Reads a rules document.
     *
     * @throws InvalidCampaignException listing every problem found
     */
    public static Rules read(JsonNode doc) {
        Problems problems = new Problems();
        if (doc == null || !doc.isObject()) {
            problems.add("rules", "must be a JSON object");
            problems.throwIfAny();
        }
        Fields.onlyKnown(doc, "rules", problems, "triggers", "filters", "filterLogic", "advancedLogic",
                "qualification");
        for (String field : List.of("triggers", "filters")) {
            JsonNode array = doc.get(field);
            if (array != null && array.isArray() && array.size() > MAX_RULES) {
                problems.add(field, "at most " + MAX_RULES + " " + field + ", got " + array.size());
                problems.throwIfAny();
            }
        }
        List<Trigger> triggers = new ArrayList<>();
        forEach(doc, "triggers", problems, (node, path) -> {
            Trigger t = trigger(node, path, problems);
            if (t != null) {
                triggers.add(t);
            }
        });
        List<Filter> filters = new ArrayList<>();
        forEach(doc, "filters", problems, (node, path) -> {
            Filter f = filter(node, path, problems);
            if (f != null) {
                filters.add(f);
            }
        });
        FilterLogic logic = logic(doc, filters.size(), problems);
        QualificationRule rule = qualification(doc.get("qualification"), problems);
        problems.throwIfAny();
        return new Rules(new SmartList(triggers, filters, logic), rule);
    }

    /** Reads one filter (also used for choice conditions); null after recording a problem. */
    static Filter filter(JsonNode node, String path, Problems problems) {
        if (!node.isObject()) {
            problems.add(path, "must be an object with a \"type\"");
            return null;
        }
        String type = Fields.text(node, "type", path, problems, true);
        if (type == null) {
            return null;
        }
        switch (type) {
            case "memberOfSfdcCampaign" -> {
                Fields.onlyKnown(node, path, problems, "type", "operator", "campaigns", "status");
                Boolean in = membershipOperator(node, path, problems);
                List<String> campaigns = Fields.texts(node, "campaigns", path, problems, true);
                StatusConstraint status = Fields.status(node, "status", path, problems);
                return in == null ? null : new Filter.MemberOfSfdcCampaign(in, campaigns, status);
            }
            case "memberOfProgram" -> {
                Fields.onlyKnown(node, path, problems, "type", "operator", "programId", "status");
                Boolean in = membershipOperator(node, path, problems);
                Long program = Fields.id(node, "programId", path, problems, true);
                StatusConstraint status = Fields.status(node, "status", path, problems);
                return in == null || program == null ? null : new Filter.MemberOfProgram(in, program, status);
            }
            case "personAttribute" -> {
                Fields.onlyKnown(node, path, problems, "type", "attribute", "operator", "values");
                String attributeName = Fields.text(node, "attribute", path, problems, true);
                String operatorName = Fields.text(node, "operator", path, problems, true);
                PersonAttribute attribute = null;
                TextOperator operator = null;
                try {
                    attribute = attributeName == null ? null : PersonAttribute.parse(attributeName);
                } catch (IllegalArgumentException e) {
                    problems.add(path + ".attribute", e.getMessage());
                }
                try {
                    operator = operatorName == null ? null : TextOperator.parse(operatorName);
                } catch (IllegalArgumentException e) {
                    problems.add(path + ".operator", e.getMessage());
                }
                List<String> values = Fields.texts(node, "values", path, problems,
                        operator != null && operator.takesValues());
                if (operator == TextOperator.IS_EMPTY && !values.isEmpty()) {
                    problems.add(path + ".values", "'is empty' takes no values");
                }
                return attribute == null || operator == null ? null
                        : new Filter.AttributeMatches(attribute, operator, values);
            }
            default -> {
                problems.add(path + ".type", "unknown filter '" + type
                        + "' (known: memberOfSfdcCampaign, memberOfProgram, personAttribute)");
                return null;
            }
        }
    }

    private static Trigger trigger(JsonNode node, String path, Problems problems) {
        if (!node.isObject()) {
            problems.add(path, "must be an object with a \"type\"");
            return null;
        }
        String type = Fields.text(node, "type", path, problems, true);
        if (type == null) {
            return null;
        }
        switch (type) {
            case "addedToSfdcCampaign" -> {
                Fields.onlyKnown(node, path, problems, "type", "campaigns", "status");
                CampaignSelector campaigns = campaigns(node, path, problems);
                StatusConstraint status = Fields.status(node, "status", path, problems);
                return campaigns == null ? null : new Trigger.AddedToSfdcCampaign(campaigns, status);
            }
            case "removedFromSfdcCampaign" -> {
                Fields.onlyKnown(node, path, problems, "type", "campaigns");
                CampaignSelector campaigns = campaigns(node, path, problems);
                return campaigns == null ? null : new Trigger.RemovedFromSfdcCampaign(campaigns);
            }
            case "statusChangedInSfdcCampaign" -> {
                Fields.onlyKnown(node, path, problems, "type", "campaigns", "newStatus", "previousStatus");
                CampaignSelector campaigns = campaigns(node, path, problems);
                StatusConstraint now = Fields.status(node, "newStatus", path, problems);
                StatusConstraint before = Fields.status(node, "previousStatus", path, problems);
                return campaigns == null ? null : new Trigger.StatusChangedInSfdcCampaign(campaigns, now, before);
            }
            case "programStatusChanged" -> {
                Fields.onlyKnown(node, path, problems, "type", "programId", "newStatus", "previousStatus");
                Long program = Fields.id(node, "programId", path, problems, true);
                StatusConstraint now = Fields.status(node, "newStatus", path, problems);
                StatusConstraint before = Fields.status(node, "previousStatus", path, problems);
                return program == null ? null : new Trigger.ProgramStatusChanged(program, now, before);
            }
            case "personCreated" -> {
                Fields.onlyKnown(node, path, problems, "type");
                return new Trigger.PersonCreated();
            }
            case "campaignRequested" -> {
                Fields.onlyKnown(node, path, problems, "type", "source");
                String source = Fields.text(node, "source", path, problems, false);
                if (source != null && !source.equalsIgnoreCase("Web Service API")) {
                    problems.add(path + ".source", "only 'Web Service API' is supported");
                }
                return new Trigger.CampaignRequested();
            }
            default -> {
                problems.add(path + ".type", "unknown trigger '" + type + "' (known: addedToSfdcCampaign, "
                        + "removedFromSfdcCampaign, statusChangedInSfdcCampaign, programStatusChanged, personCreated, "
                        + "campaignRequested)");
                return null;
            }
        }
    }

    private static CampaignSelector campaigns(JsonNode node, String path, Problems problems) {
        JsonNode value = node.get("campaigns");
        if (value != null && value.isTextual() && value.asText().trim().equalsIgnoreCase("any")) {
            return CampaignSelector.anyCampaign();
        }
        if (value != null && !value.isNull() && !value.isArray()) {
            problems.add(path + ".campaigns", "must be \"any\" or an array of Salesforce campaign ids");
            return null;
        }
        List<String> ids = Fields.texts(node, "campaigns", path, problems, true);
        return ids.isEmpty() ? null : new CampaignSelector(false, ids);
    }

    private static Boolean membershipOperator(JsonNode node, String path, Problems problems) {
        String operator = Fields.text(node, "operator", path, problems, true);
        if (operator == null) {
            return null;
        }
        return switch (operator.toLowerCase(Locale.ROOT).replace('_', ' ')) {
            case "in" -> true;
            case "not in", "notin" -> false;
            default -> {
                problems.add(path + ".operator", "'" + operator + "' is not one of in, not in");
                yield null;
            }
        };
    }

    private static FilterLogic logic(JsonNode doc, int filterCount, Problems problems) {
        String type = Fields.text(doc, "filterLogic", "rules", problems, false);
        String advanced = Fields.text(doc, "advancedLogic", "rules", problems, false);
        FilterLogic.MatchType matchType = FilterLogic.MatchType.ALL;
        if (type != null) {
            try {
                matchType = FilterLogic.MatchType.parse(type);
            } catch (IllegalArgumentException e) {
                problems.add("rules.filterLogic", e.getMessage());
                return FilterLogic.all();
            }
        }
        if (matchType != FilterLogic.MatchType.ADVANCED) {
            if (advanced != null) {
                problems.add("rules.advancedLogic", "is only used with \"filterLogic\":\"advanced\"");
            }
            return matchType == FilterLogic.MatchType.ANY ? FilterLogic.any() : FilterLogic.all();
        }
        if (advanced == null) {
            problems.add("rules.advancedLogic", "is required with \"filterLogic\":\"advanced\", e.g. \"1 and (2 or 3)\"");
            return FilterLogic.all();
        }
        try {
            return FilterLogic.advanced(advanced, filterCount);
        } catch (InvalidExpressionException e) {
            problems.add("rules.advancedLogic", "'" + advanced + "': " + e.getMessage());
            return FilterLogic.all();
        }
    }

    private static QualificationRule qualification(JsonNode node, Problems problems) {
        if (node == null || node.isNull()) {
            return QualificationRule.once();
        }
        String path = "rules.qualification";
        if (!node.isObject()) {
            problems.add(path, "must be an object {\"rule\":\"once\"|\"every time\"|\"interval\", …}");
            return QualificationRule.once();
        }
        Fields.onlyKnown(node, path, problems, "rule", "interval", "unit");
        String rule = Fields.text(node, "rule", path, problems, true);
        if (rule == null) {
            return QualificationRule.once();
        }
        try {
            QualificationRule.Kind kind = QualificationRule.Kind.parse(rule);
            if (kind != QualificationRule.Kind.INTERVAL) {
                if (node.has("interval") || node.has("unit")) {
                    problems.add(path, "interval and unit are only used with the 'interval' rule");
                }
                return new QualificationRule(kind, 0, null);
            }
            JsonNode interval = node.get("interval");
            if (interval == null || !interval.isIntegralNumber()) {
                problems.add(path + ".interval", "is required: a whole number of units");
                return QualificationRule.once();
            }
            String unit = Fields.text(node, "unit", path, problems, true);
            if (unit == null) {
                return QualificationRule.once();
            }
            return QualificationRule.every(interval.asInt(), QualificationRule.Unit.parse(unit));
        } catch (IllegalArgumentException e) {
            problems.add(path, e.getMessage());
            return QualificationRule.once();
        }
    }

    /** Visits the elements of an optional array field with their paths. */
    static void forEach(JsonNode doc, String field, Problems problems,
                        BiConsumer<JsonNode, String> visit) {
        JsonNode array = doc.get(field);
        if (array == null || array.isNull()) {
            return;
        }
        if (!array.isArray()) {
            problems.add(field, "must be an array");
            return;
        }
        for (int i = 0; i < array.size(); i++) {
            visit.accept(array.get(i), field + "[" + i + "]");
        }
    }
}
