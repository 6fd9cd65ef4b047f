package dev.tandem.server.automation.validation;

import dev.tandem.core.automation.StatusConstraint;
import dev.tandem.core.channel.Channel;
import dev.tandem.core.program.Program;
import dev.tandem.core.token.MyToken;
import dev.tandem.core.token.TokenText;
import dev.tandem.core.token.TokenType;
import dev.tandem.server.automation.model.CampaignSelector;
import dev.tandem.server.automation.model.Filter;
import dev.tandem.server.automation.model.FlowAction;
import dev.tandem.server.automation.model.FlowStep;
import dev.tandem.server.automation.model.SfdcCampaignIds;
import dev.tandem.server.automation.model.SmartList;
import dev.tandem.server.automation.model.Trigger;
import dev.tandem.server.automation.token.ProgramTokenStore;
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
 * A parameter that refers to a token ({@code {{my.Name}}}) is checked when the step runs, with the token's value;
 * on save the reference itself must be able to resolve: from the program's My Tokens, or, for a campaign a request
 * can carry tokens to (a batch campaign, or a trigger campaign with "Campaign is Requested"), from the request.
 */
public final class CampaignValidator {

    private final ProgramDao programs = new ProgramDao();
    private final ChannelDao channels = new ChannelDao();
    private final ProgramTokenStore tokens = new ProgramTokenStore();

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

    /**
     * Validates a flow of a campaign owned by {@code ownerProgramId} (null: no program).
     *
     * @param requestTokens whether requests can bring tokens to the campaign (then a reference the program's My
     *                      Tokens lack may still resolve at run time; otherwise it is refused)
     */
    public void validateFlow(Handle h, Long ownerProgramId, List<FlowStep> steps, boolean requestTokens) {
        Problems problems = new Problems();
        Lookup lookup = new Lookup(h);
        Map<String, MyToken> programTokens = new HashMap<>();
        if (ownerProgramId != null) {
            tokens.list(h, ownerProgramId).forEach(t -> programTokens.put(TokenText.key(t.name()), t));
        }
        TokenCheck check = new TokenCheck(ownerProgramId, programTokens, requestTokens, problems);
        for (int i = 0; i < steps.size(); i++) {
            String path = "steps[" + i + "]";
            FlowStep step = steps.get(i);
            action(lookup, ownerProgramId, step.defaultAction(), path, problems, check);
            for (int c = 0; c < step.choices().size(); c++) {
                String at = path + ".choices[" + c + "]";
                filter(lookup, step.choices().get(c).condition(), at + ".if", problems);
                action(lookup, ownerProgramId, step.choices().get(c).action(), at + ".then", problems, check);
            }
        }
        problems.throwIfAny();
    }

    /** Checks token references against the program's My Tokens and whether a request could supply them. */
    private record TokenCheck(Long programId, Map<String, MyToken> programTokens, boolean requestTokens,
                              Problems problems) {

        /** True when {@code value} refers to tokens (then the caller skips its literal checks). */
        boolean references(String value, String path, TokenType expected) {
            List<String> names = TokenText.references(value);
            for (String name : names) {
                MyToken token = programTokens.get(TokenText.key(name));
                if (token == null && !requestTokens) {
                    problems.add(path, TokenText.reference(name) + " is not a My Token of "
                            + (programId == null ? "the campaign's program (it belongs to none)" : "program " + programId)
                            + ", and no request can supply it (only batch campaigns and trigger campaigns with "
                            + "'Campaign is Requested' take tokens from requests): add the token to the program");
                } else if (token != null && expected != null && wholeReference(value, name)
                        && token.type() != expected && token.type() != TokenType.TEXT) {
                    problems.add(path, TokenText.reference(name) + " is a " + token.type().apiName() + " token; "
                            + "this parameter takes a " + expected.apiName() + " token");
                }
            }
            return !names.isEmpty();
        }

        // The parameter is the reference and nothing else (so the token's type is the parameter's type).
        private static boolean wholeReference(String value, String name) {
            return TokenText.resolve(value, Map.of(TokenText.key(name), "")).text().isBlank();
        }
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

    private void action(Lookup lookup, Long owner, FlowAction action, String path, Problems problems,
                        TokenCheck tokens) {
        String rule = path + " (" + action.displayName() + ")";
        if (action instanceof FlowAction.AddToSfdcCampaign a) {
            campaignAndStatus(lookup, a.campaignId(), a.status(), rule, problems, tokens);
        } else if (action instanceof FlowAction.RemoveFromSfdcCampaign a) {
            if (!tokens.references(a.campaignId(), rule + ".campaignId", TokenType.SFDC_CAMPAIGN)) {
                campaign(a.campaignId(), rule + ".campaignId", problems);
            }
        } else if (action instanceof FlowAction.ChangeStatusInSfdcCampaign a) {
            campaignAndStatus(lookup, a.campaignId(), a.status(), rule, problems, tokens);
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
            boolean tokenized = tokens.references(a.status(), rule + ".status", null);
            lookup.channelOf(program).ifPresentOrElse(channel -> {
                if (!tokenized && channel.status(a.status()).isEmpty()) {
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
        } else if (action instanceof FlowAction.Wait w && w.untilToken() != null) {
            tokens.references(w.untilToken(), rule + ".untilToken", TokenType.DATE);
        }
    }

    private static void campaignAndStatus(Lookup lookup, String campaignId, String status, String rule,
                                          Problems problems, TokenCheck tokens) {
        boolean campaignTokenized = tokens.references(campaignId, rule + ".campaignId", TokenType.SFDC_CAMPAIGN);
        boolean statusTokenized = tokens.references(status, rule + ".status", null);
        if (!campaignTokenized) {
            campaign(campaignId, rule + ".campaignId", problems);
            if (!statusTokenized) {
                campaignStatus(lookup, campaignId, status, rule + ".status", problems);
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
