package dev.tandem.server.console.words;

import dev.tandem.server.automation.model.Filter;
import dev.tandem.server.automation.model.FlowAction;
import dev.tandem.server.automation.model.FlowStep;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A smart campaign's flow in words, step by step: "Change status in program “Webinar” to “Registered”", "Wait 2
 * days, ending Mon–Fri at 09:00 UTC"; a step with choices reads "If …: …" per choice, then "Otherwise: …".
 */
public final class FlowWords {

    private final ZoneId zone;
    private final Map<Long, String> programNames;

    /**
     * @param zone         the subscription time zone, in which wait times are read
     * @param programNames program names by id, for the programs the flow names
     */
    public FlowWords(ZoneId zone, Map<Long, String> programNames) {
        this.zone = zone;
        this.programNames = Map.copyOf(programNames);
    }

    /** One flow step in words: its number (from 1) and its lines. */
    public record StepWords(int number, List<String> lines) {
        public StepWords {
            lines = List.copyOf(lines);
        }
    }

    /** Every step of {@code flow}, in order. */
    public List<StepWords> describe(List<FlowStep> flow) {
        List<StepWords> steps = new ArrayList<>();
        for (int i = 0; i < flow.size(); i++) {
            steps.add(new StepWords(i + 1, lines(flow.get(i))));
        }
        return steps;
    }

    /** The ids of the programs {@code flow} names (in actions and choice conditions), to look their names up. */
    public static List<Long> programIds(List<FlowStep> flow) {
        Set<Long> ids = new LinkedHashSet<>();
        for (FlowStep step : flow) {
            programId(step.defaultAction(), ids);
            for (FlowStep.Choice choice : step.choices()) {
                programId(choice.action(), ids);
                if (choice.condition() instanceof Filter.MemberOfProgram member) {
                    ids.add(member.programId());
                }
            }
        }
        return List.copyOf(ids);
    }

    private static void programId(FlowAction action, Set<Long> ids) {
        if (action instanceof FlowAction.ChangeProgramStatus change && change.programId() != null) {
            ids.add(change.programId());
        }
        if (action instanceof FlowAction.RemoveFromProgram remove && remove.programId() != null) {
            ids.add(remove.programId());
        }
    }

    private List<String> lines(FlowStep step) {
        if (step.choices().isEmpty()) {
            return List.of(action(step.defaultAction()));
        }
        List<String> lines = new ArrayList<>();
        for (FlowStep.Choice choice : step.choices()) {
            lines.add("If " + FilterWords.describe(choice.condition(), programNames) + ": "
                    + action(choice.action()));
        }
        lines.add("Otherwise: " + action(step.defaultAction()));
        return lines;
    }

    /** One action in words. */
    public String action(FlowAction action) {
        if (action instanceof FlowAction.AddToSfdcCampaign add) {
            return "Add to SFDC campaign " + add.campaignId() + " with status " + Phrases.quoted(add.status());
        }
        if (action instanceof FlowAction.RemoveFromSfdcCampaign remove) {
            return "Remove from SFDC campaign " + remove.campaignId();
        }
        if (action instanceof FlowAction.ChangeStatusInSfdcCampaign change) {
            return "Change status in SFDC campaign " + change.campaignId() + " to " + Phrases.quoted(change.status());
        }
        if (action instanceof FlowAction.ChangeProgramStatus change) {
            return "Change status in " + ProgramWords.program(change.programId(), programNames) + " to "
                    + Phrases.quoted(change.status());
        }
        if (action instanceof FlowAction.SyncPersonToSfdc sync) {
            return sync.assignTo() == null ? "Sync person to SFDC (owner from Salesforce's assignment rules)"
                    : "Sync person to SFDC, assigned to user " + sync.assignTo();
        }
        if (action instanceof FlowAction.RemoveFromProgram remove) {
            return "Remove from " + ProgramWords.program(remove.programId(), programNames);
        }
        if (action instanceof FlowAction.Wait wait) {
            return WaitWords.describe(wait, zone);
        }
        return "Do nothing";
    }
}
