package dev.tandem.server.automation.validation;

import dev.tandem.core.automation.StatusConstraint;
import dev.tandem.core.channel.Channel;
import dev.tandem.core.program.Program;
import dev.tandem.server.automation.model.CampaignSelector;
import dev.tandem.server.automation.model.Filter;
import dev.tandem.server.automation.model.FlowAction;
import dev.tandem.server.automation.model.FlowStep;
import dev.tandem.server.automation.model.SfdcCampaignIds;
import dev.tandem.server.automation.model.SmartList;
import dev.tandem.server.automation.model.Trigger;
import dev.tandem.server.store.ChannelDao;
import dev.tandem.server.store.ProgramDao;
import org.jdbi.v3.core.Handle;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks what a document refers to against the database: programs exist, statuses belong to the program's channel
 * (exactly, case-sensitive), Salesforce campaign ids are well formed and, for a campaign linked to a program, its
 * statuses are that program's channel statuses. Campaigns linked to no program are accepted everywhere: saving the
 * document makes the campaign sync watch them. Runs inside the saving transaction, so nothing is half-saved.
 */
public final class CampaignValidator {

    private final ProgramDao programs = new ProgramDao();
    private final ChannelDao channels = new ChannelDao();

    /** Validates a smart list's triggers and filters. */
    public void validateRules(Handle h, SmartList list) {
        Problems problems = new Problems();
        Lookup lookup = new Lookup(h);
        for (int i = 0; i < list.triggers().size(); i++) {
            trigger(lookup, list.triggers().get(i), "triggers[" + i + "]", problems);
        }
        for (int i = 0; i < list.filters().size(); i++) {
            filter(lookup, list.filters().get(i), "filters[" + i + "]", problems);
        }
        problems.throwIfAny();
    }

    /** Validates a flow of a campaign owned by {@code ownerProgramId} (null: no program). */
    public void validateFlow(Handle h, Long ownerProgramId, List<FlowStep> steps) {
        Problems problems = new Problems();
        Lookup lookup = new Lookup(h);
        for (int i = 0; i < steps.size(); i++) {
            String path = "steps[" + i + "]";
            FlowStep step = steps.get(i);
            action(lookup, ownerProgramId, step.defaultAction(), path, problems);
            for (int c = 0; c < step.choices().size(); c++) {
                String at = path + ".choices[" + c + "]";
                filter(lookup, step.choices().get(c).condition(), at + ".if", problems);
                action(lookup, ownerProgramId, step.choices().get(c).action(), at + ".then", problems);
            }
        }
        problems.throwIfAny();
    }

    private void trigger(Lookup lookup, Trigger trigger, String path, Problems problems) {
        String rule = path + " (" + trigger.displayName() + ")";
        if (trigger instanceof Trigger.AddedToSfdcCampaign t) {
            campaigns(t.campaigns(), rule, problems);
            campaignStatuses(lookup, t.campaigns().campaignIds(), t.status(), rule + ".status", problems);
        } else if (trigger instanceof Trigger.RemovedFromSfdcCampaign t) {
            campaigns(t.campaigns(), rule, problems);
        } else if (trigger instanceof Trigger.StatusChangedInSfdcCampaign t) {
            campaigns(t.campaigns(), rule, problems);
            campaignStatuses(lookup, t.campaigns().campaignIds(), t.newStatus(), rule + ".newStatus", problems);
            campaignStatuses(lookup, t.campaigns().campaignIds(), t.previousStatus(), rule + ".previousStatus",
                    problems);
        } else if (trigger instanceof Trigger.ProgramStatusChanged t) {
            lookup.channelOf(t.programId()).ifPresentOrElse(channel -> {
                programStatuses(channel, t.newStatus(), rule + ".newStatus", problems);
                programStatuses(channel, t.previousStatus(), rule + ".previousStatus", problems);
            }, () -> problems.add(rule + ".programId", "no program with id " + t.programId()));
        }
    }

    private void filter(Lookup lookup, Filter filter, String path, Problems problems) {
        String rule = path + " (" + filter.displayName() + ")";
        if (filter instanceof Filter.MemberOfSfdcCampaign f) {
            // A campaign linked to no program is watched once saved: the sync reads its members too.
            campaigns(new CampaignSelector(false, f.campaignIds()), rule, problems);
            campaignStatuses(lookup, f.campaignIds(), f.status(), rule + ".status", problems);
        } else if (filter instanceof Filter.MemberOfProgram f) {
            lookup.channelOf(f.programId()).ifPresentOrElse(
                    channel -> programStatuses(channel, f.status(), rule + ".status", problems),
                    () -> problems.add(rule + ".programId", "no program with id " + f.programId()));
        }
    }

    private void action(Lookup lookup, Long owner, FlowAction action, String path, Problems problems) {
        String rule = path + " (" + action.displayName() + ")";
        if (action instanceof FlowAction.AddToSfdcCampaign a) {
            campaign(a.campaignId(), rule + ".campaignId", problems);
            campaignStatus(lookup, a.campaignId(), a.status(), rule + ".status", problems);
        } else if (action instanceof FlowAction.RemoveFromSfdcCampaign a) {
            campaign(a.campaignId(), rule + ".campaignId", problems);
        } else if (action instanceof FlowAction.ChangeStatusInSfdcCampaign a) {
            campaign(a.campaignId(), rule + ".campaignId", problems);
            campaignStatus(lookup, a.campaignId(), a.status(), rule + ".status", problems);
        } else if (action instanceof FlowAction.SyncPersonToSfdc a) {
            String user = a.assignTo();
            if (user != null && !(user.startsWith("005") && (user.length() == 15 || user.length() == 18))) {
                problems.add(rule + ".assignTo", "'" + user + "' is not a Salesforce user id (15 or 18 characters "
                        + "starting with 005); leave it out to use Salesforce's auto-assignment rules");
            }
        } else if (action instanceof FlowAction.ChangeProgramStatus a) {
            Long program = a.programId() != null ? a.programId() : owner;
            if (program == null) {
                problems.add(rule + ".programId", "is required: the smart campaign belongs to no program");
                return;
            }
            lookup.channelOf(program).ifPresentOrElse(channel -> {
                if (channel.status(a.status()).isEmpty()) {
                    problems.add(rule + ".status", notInChannel(a.status(), channel));
                }
            }, () -> problems.add(rule + ".programId", "no program with id " + program));
        } else if (action instanceof FlowAction.RemoveFromProgram a) {
            Long program = a.programId() != null ? a.programId() : owner;
            if (program == null) {
                problems.add(rule + ".programId", "is required: the smart campaign belongs to no program");
            } else if (lookup.channelOf(program).isEmpty()) {
                problems.add(rule + ".programId", "no program with id " + program);
            }
        }
    }

    private static void campaigns(CampaignSelector selector, String rule, Problems problems) {
        List<String> ids = selector.campaignIds();
        for (int i = 0; i < ids.size(); i++) {
            campaign(ids.get(i), rule + ".campaigns[" + i + "]", problems);
        }
    }

    private static void campaign(String id, String path, Problems problems) {
        if (!SfdcCampaignIds.isCampaignId(id)) {
            problems.add(path, "'" + id + "' is not a Salesforce campaign id (15 or 18 characters starting with 701)");
        }
    }

    private static void campaignStatuses(Lookup lookup, List<String> campaignIds, StatusConstraint constraint,
                                         String path, Problems problems) {
        if (constraint == null) {
            return;
        }
        for (String campaign : campaignIds) {
            for (String status : constraint.statuses()) {
                campaignStatus(lookup, campaign, status, path, problems);
            }
        }
    }

    // A campaign linked to a program holds exactly its channel's statuses; other campaigns are checked by
    // Salesforce when the step runs (validation makes no network call).
    private static void campaignStatus(Lookup lookup, String campaignId, String status, String path,
                                       Problems problems) {
        if (!SfdcCampaignIds.isCampaignId(campaignId)) {
            return;
        }
        lookup.linkedChannel(campaignId).ifPresent(channel -> {
            if (channel.status(status).isEmpty() || channel.status(status).get().isNotInProgram()) {
                problems.add(path, "'" + status + "' is not a status of campaign " + campaignId
                        + ", which is linked to a program of channel '" + channel.name() + "' (statuses: "
                        + String.join(", ", channel.memberStatuses().stream().map(s -> s.name()).toList()) + ")");
            }
        });
    }

    private static void programStatuses(Channel channel, StatusConstraint constraint, String path,
                                         Problems problems) {
        if (constraint == null) {
            return;
        }
        for (String status : constraint.statuses()) {
            if (channel.status(status).isEmpty()) {
                problems.add(path, notInChannel(status, channel));
            }
        }
    }

    private static String notInChannel(String status, Channel channel) {
        return "'" + status + "' is not a status of channel '" + channel.name() + "' (statuses: "
                + String.join(", ", channel.statuses().stream().map(s -> s.name()).toList()) + ")";
    }

    /** Memoised program and channel reads for one validation. */
    private final class Lookup {
        private final Handle h;
        private final Map<Long, Optional<Channel>> byProgram = new HashMap<>();
        private final Map<String, Optional<Channel>> byCampaign = new HashMap<>();

        Lookup(Handle h) {
            this.h = h;
        }

        Optional<Channel> channelOf(long programId) {
            return byProgram.computeIfAbsent(programId, id -> programs.byId(h, id)
                    .flatMap(p -> channels.byId(h, programs.channelId(h, p.id())).map(c -> c.channel())));
        }

        Optional<Channel> linkedChannel(String campaignId) {
            return byCampaign.computeIfAbsent(SfdcCampaignIds.key(campaignId), key -> linkedProgram(campaignId)
                    .flatMap(p -> channelOf(p.id())));
        }

        private Optional<Program> linkedProgram(String campaignId) {
            Optional<Program> exact = programs.bySfdcCampaignId(h, campaignId);
            if (exact.isPresent() || campaignId.length() != 15) {
                return exact;
            }
            return h.createQuery("SELECT id FROM programs WHERE sfdc_campaign_id LIKE :prefix")
                    .bind("prefix", campaignId + "%").mapTo(Long.class).findFirst().flatMap(id -> programs.byId(h, id));
        }
    }
}
