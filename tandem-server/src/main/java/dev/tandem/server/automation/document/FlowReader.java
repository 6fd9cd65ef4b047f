package dev.tandem.server.automation.document;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.core.automation.WaitDuration;
import dev.tandem.core.automation.WaitWindow;
import dev.tandem.server.automation.model.Filter;
import dev.tandem.server.automation.model.FlowAction;
import dev.tandem.server.automation.model.FlowStep;
import dev.tandem.server.automation.validation.InvalidCampaignException;
import dev.tandem.server.automation.validation.Problems;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Reads Tandem's flow document (ordered steps, each with optional choices) into the model. */
public final class FlowReader {

    /** Most steps one flow may hold. */
    public static final int MAX_STEPS = 100;

    private FlowReader() {
    }

    /**
     * Reads a flow document.
     *
     * @throws InvalidCampaignException listing every problem found
     */
    public static List<FlowStep> read(JsonNode doc) {
        Problems problems = new Problems();
        if (doc == null || !doc.isObject()) {
            problems.add("flow", "must be a JSON object {\"steps\":[…]}");
            problems.throwIfAny();
        }
        Fields.onlyKnown(doc, "flow", problems, "steps");
        List<FlowStep> steps = new ArrayList<>();
        JsonNode array = doc.get("steps");
        if (array != null && array.isArray() && array.size() > MAX_STEPS) {
            problems.add("steps", "at most " + MAX_STEPS + " steps, got " + array.size());
            problems.throwIfAny();
        }
        RulesReader.forEach(doc, "steps", problems, (node, path) -> {
            FlowStep step = step(node, path, problems);
            if (step != null) {
                steps.add(step);
            }
        });
        problems.throwIfAny();
        return steps;
    }

    private static FlowStep step(JsonNode node, String path, Problems problems) {
        if (!node.isObject()) {
            problems.add(path, "must be an object with an \"action\"");
            return null;
        }
        FlowAction action = action(node, path, problems, true);
        List<FlowStep.Choice> choices = new ArrayList<>();
        RulesReader.forEach(node, "choices", problems, (choice, at) -> {
            String choicePath = path + "." + at;
            if (!choice.isObject()) {
                problems.add(choicePath, "must be an object {\"if\":{filter},\"then\":{action}}");
                return;
            }
            Fields.onlyKnown(choice, choicePath, problems, "if", "then");
            JsonNode condition = choice.get("if");
            JsonNode then = choice.get("then");
            if (condition == null || then == null) {
                problems.add(choicePath, "needs both \"if\" (a filter) and \"then\" (an action)");
                return;
            }
            Filter filter = RulesReader.filter(condition, choicePath + ".if", problems);
            FlowAction variant = then.isObject() ? action(then, choicePath + ".then", problems, false) : null;
            if (!then.isObject()) {
                problems.add(choicePath + ".then", "must be an action object");
            }
            if (filter != null && variant != null) {
                if (variant instanceof FlowAction.Wait) {
                    problems.add(choicePath + ".then", "a Wait cannot be a choice");
                } else {
                    choices.add(new FlowStep.Choice(filter, variant));
                }
            }
        });
        if (action instanceof FlowAction.Wait && !choices.isEmpty()) {
            problems.add(path + ".choices", "a Wait step takes no choices");
        }
        return action == null ? null : new FlowStep(choices, action);
    }

    /**
     * A wait: {"duration":"2 days"} optionally with {"endOn":{"days":["Monday",…],"time":"09:00"}},
     * {"until":"2026-12-01T09:00:00Z"}, or {"untilToken":"{{my.Event Date}}"} optionally with
     * {"offset":"1 day before"}.
     */
    private static FlowAction.Wait wait(JsonNode node, String path, Problems problems) {
        String duration = Fields.text(node, "duration", path, problems, false);
        String until = Fields.text(node, "until", path, problems, false);
        String token = Fields.text(node, "untilToken", path, problems, false);
        String offset = Fields.text(node, "offset", path, problems, false);
        int kinds = (duration == null ? 0 : 1) + (until == null ? 0 : 1) + (token == null ? 0 : 1);
        if (kinds != 1) {
            problems.add(path, "a wait needs exactly one of \"duration\" (e.g. \"2 days\"), \"until\" "
                    + "(e.g. \"2026-12-01T09:00:00Z\") and \"untilToken\" (e.g. \"{{my.Event Date}}\")");
            return null;
        }
        if (node.has("endOn") && duration == null) {
            problems.add(path + ".endOn", "only a wait of a duration takes endOn");
            return null;
        }
        if (offset != null && token == null) {
            problems.add(path + ".offset", "only a wait until a date token (untilToken) takes an offset");
            return null;
        }
        if (until != null) {
            try {
                return FlowAction.Wait.until(Instant.parse(until));
            } catch (DateTimeParseException e) {
                problems.add(path + ".until", "'" + until + "' is not a UTC date-time such as 2026-12-01T09:00:00Z");
                return null;
            }
        }
        if (token != null) {
            if (!token.trim().matches("\\{\\{\\s*my\\.[^{}]+}}")) {
                problems.add(path + ".untilToken", "'" + token + "' must be one token reference such as "
                        + "{{my.Event Date}}");
                return null;
            }
            Duration shift = null;
            if (offset != null) {
                try {
                    shift = WaitDuration.parseOffset(offset);
                } catch (IllegalArgumentException e) {
                    problems.add(path + ".offset", e.getMessage());
                    return null;
                }
            }
            return new FlowAction.Wait(null, null, null, token.trim(), shift);
        }
        Duration length;
        try {
            length = WaitDuration.parse(duration);
        } catch (IllegalArgumentException e) {
            problems.add(path + ".duration", e.getMessage());
            return null;
        }
        WaitWindow window = null;
        if (node.has("endOn")) {
            window = endOn(node.get("endOn"), path + ".endOn", problems);
            if (window == null) {
                return null;
            }
        }
        return new FlowAction.Wait(length, window, null, null, null);
    }

    private static WaitWindow endOn(JsonNode node, String path, Problems problems) {
        if (!node.isObject()) {
            problems.add(path, "must be an object {\"days\":[\"Monday\",…],\"time\":\"09:00\"}");
            return null;
        }
        int before = problems.count();
        Fields.onlyKnown(node, path, problems, "days", "time");
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        JsonNode array = node.get("days");
        if (array == null || array.isNull()) {
            days = EnumSet.allOf(DayOfWeek.class);
        } else if (!array.isArray() || array.isEmpty()) {
            problems.add(path + ".days", "must be a non-empty array of day names such as [\"Monday\",\"Friday\"]");
            return null;
        } else {
            for (int i = 0; i < array.size(); i++) {
                try {
                    days.add(WaitWindow.day(array.get(i).asText()));
                } catch (IllegalArgumentException e) {
                    problems.add(path + ".days[" + i + "]", e.getMessage());
                }
            }
        }
        String timeText = Fields.text(node, "time", path, problems, false);
        LocalTime time = null;
        if (timeText != null) {
            try {
                time = LocalTime.parse(timeText.trim());
            } catch (DateTimeParseException e) {
                problems.add(path + ".time", "'" + timeText + "' is not a time of day such as 09:00 (24-hour, "
                        + "in the subscription time zone)");
            }
        }
        if (array == null && time == null) {
            problems.add(path, "give the days the wait may end on, the time it ends at, or both");
        }
        if (problems.count() > before) {
            return null;
        }
        return new WaitWindow(days, time);
    }

    private static FlowAction action(JsonNode node, String path, Problems problems, boolean step) {
        String type = Fields.text(node, "action", path, problems, true);
        if (type == null) {
            return null;
        }
        List<String> known = new ArrayList<>(List.of("action"));
        if (step) {
            known.add("choices");
        }
        FlowAction result = switch (type) {
            case "addToSfdcCampaign" -> {
                known.addAll(List.of("campaignId", "status"));
                String campaign = Fields.text(node, "campaignId", path, problems, true);
                String status = Fields.text(node, "status", path, problems, true);
                yield campaign == null || status == null ? null : new FlowAction.AddToSfdcCampaign(campaign, status);
            }
            case "removeFromSfdcCampaign" -> {
                known.add("campaignId");
                String campaign = Fields.text(node, "campaignId", path, problems, true);
                yield campaign == null ? null : new FlowAction.RemoveFromSfdcCampaign(campaign);
            }
            case "changeStatusInSfdcCampaign" -> {
                known.addAll(List.of("campaignId", "status"));
                String campaign = Fields.text(node, "campaignId", path, problems, true);
                String status = Fields.text(node, "status", path, problems, true);
                yield campaign == null || status == null ? null
                        : new FlowAction.ChangeStatusInSfdcCampaign(campaign, status);
            }
            case "changeProgramStatus" -> {
                known.addAll(List.of("programId", "status"));
                Long program = Fields.id(node, "programId", path, problems, false);
                String status = Fields.text(node, "status", path, problems, true);
                yield status == null ? null : new FlowAction.ChangeProgramStatus(program, status);
            }
            case "syncPersonToSfdc" -> {
                known.add("assignTo");
                yield new FlowAction.SyncPersonToSfdc(Fields.text(node, "assignTo", path, problems, false));
            }
            case "removeFromProgram" -> {
                known.add("programId");
                yield new FlowAction.RemoveFromProgram(Fields.id(node, "programId", path, problems, false));
            }
            case "wait" -> {
                known.addAll(List.of("duration", "endOn", "until", "untilToken", "offset"));
                yield wait(node, path, problems);
            }
            case "doNothing" -> new FlowAction.DoNothing();
            default -> {
                problems.add(path + ".action", "unknown flow action '" + type + "' (known: addToSfdcCampaign, "
                        + "removeFromSfdcCampaign, changeStatusInSfdcCampaign, changeProgramStatus, syncPersonToSfdc, "
                        + "removeFromProgram, wait, doNothing)");
                yield null;
            }
        };
        Fields.onlyKnown(node, path, problems, known.toArray(String[]::new));
        return result;
    }
}
