package dev.tandem.server.automation.flow;

import dev.tandem.core.membership.ChangeSource;
import dev.tandem.server.automation.model.FlowAction;
import dev.tandem.server.automation.model.SmartCampaign;
import dev.tandem.server.domain.membership.ChangeContext;
import dev.tandem.server.domain.membership.MemberResult;
import dev.tandem.server.domain.membership.MembershipService;
import dev.tandem.server.store.ProgramDao;
import org.jdbi.v3.core.Handle;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The flow actions that only touch Tandem's database, run inside the caller's transaction through the membership
 * service (forward-only rule, activity 104 carrying the smart campaign id, sync outbox).
 */
final class LocalSteps {

    private static final int CHUNK = 300;

    private final MembershipService memberships;
    private final ProgramDao programs = new ProgramDao();

    LocalSteps(MembershipService memberships) {
        this.memberships = memberships;
    }

    Map<Long, StepOutcome> run(Handle tx, SmartCampaign campaign, FlowAction action, List<Long> personIds) {
        Map<Long, StepOutcome> outcomes = new HashMap<>();
        if (action instanceof FlowAction.DoNothing) {
            personIds.forEach(id -> outcomes.put(id, StepOutcome.done()));
            return outcomes;
        }
        if (action instanceof FlowAction.ChangeProgramStatus a) {
            Long program = a.programId() != null ? a.programId() : campaign.programId();
            if (missing(tx, program)) {
                return failAll(personIds, program);
            }
            ChangeContext context = new ChangeContext(ChangeSource.FLOW, reason(campaign, action), campaign.id());
            for (List<Long> chunk : chunks(personIds)) {
                collect(outcomes, memberships.changeStatus(tx, program, chunk, a.status(), context));
            }
            return outcomes;
        }
        if (action instanceof FlowAction.RemoveFromProgram a) {
            Long program = a.programId() != null ? a.programId() : campaign.programId();
            if (missing(tx, program)) {
                return failAll(personIds, program);
            }
            ChangeContext context = new ChangeContext(ChangeSource.FLOW, reason(campaign, action), campaign.id());
            for (List<Long> chunk : chunks(personIds)) {
                collect(outcomes, memberships.remove(tx, program, chunk, context));
            }
            return outcomes;
        }
        throw new IllegalArgumentException("not a local action: " + action.displayName());
    }

    // A program deleted after the flow was saved: every person fails with the reason instead of the whole group
    // failing (and being retried) forever.
    private boolean missing(Handle tx, Long programId) {
        return programId == null || programs.byId(tx, programId).isEmpty();
    }

    private static Map<Long, StepOutcome> failAll(List<Long> personIds, Long programId) {
        Map<Long, StepOutcome> outcomes = new HashMap<>();
        personIds.forEach(id -> outcomes.put(id, StepOutcome.failed("Program " + programId + " does not exist")));
        return outcomes;
    }

    static String reason(SmartCampaign campaign, FlowAction action) {
        return "Changed by Smart Campaign " + campaign.name() + " action " + action.displayName();
    }

    private static void collect(Map<Long, StepOutcome> outcomes, List<MemberResult> results) {
        for (MemberResult r : results) {
            outcomes.put(r.personId(), r.status() == MemberResult.Status.SKIPPED
                    ? StepOutcome.skipped(r.reason().code() + " " + r.reason().message())
                    : StepOutcome.done());
        }
    }

    private static List<List<Long>> chunks(List<Long> ids) {
        List<List<Long>> chunks = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += CHUNK) {
            chunks.add(ids.subList(i, Math.min(ids.size(), i + CHUNK)));
        }
        return chunks;
    }
}
