package dev.tandem.server.automation.document;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.core.automation.WaitDuration;
import dev.tandem.server.automation.model.Filter;
import dev.tandem.server.automation.model.FlowAction;
import dev.tandem.server.automation.model.FlowStep;
import dev.tandem.server.automation.validation.InvalidCampaignException;
import dev.tandem.server.automation.validation.Problems;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

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
                known.addAll(List.of("duration", "until"));
                String duration = Fields.text(node, "duration", path, problems, false);
                String until = Fields.text(node, "until", path, problems, false);
                if ((duration == null) == (until == null)) {
                    problems.add(path, "a wait needs exactly one of \"duration\" (e.g. \"2 days\") and \"until\" "
                            + "(e.g. \"2026-12-01T09:00:00Z\")");
                    yield null;
                }
                if (until != null) {
                    try {
                        yield new FlowAction.Wait(null, Instant.parse(until));
                    } catch (DateTimeParseException e) {
                        problems.add(path + ".until", "'" + until + "' is not a UTC date-time such as "
                                + "2026-12-01T09:00:00Z");
                        yield null;
                    }
                }
                try {
                    yield FlowAction.Wait.of(WaitDuration.parse(duration));
                } catch (IllegalArgumentException e) {
                    problems.add(path + ".duration", e.getMessage());
                    yield null;
                }
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
