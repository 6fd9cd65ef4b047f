package dev.tandem.server.automation.flow;

import dev.tandem.server.automation.filter.FactsLoader;
import dev.tandem.server.automation.filter.FilterEvaluator;
import dev.tandem.server.automation.filter.PersonFacts;
import dev.tandem.server.automation.model.FlowAction;
import dev.tandem.server.automation.model.FlowStep;
import dev.tandem.server.automation.model.SmartCampaign;
import dev.tandem.server.automation.store.CampaignStore;
import dev.tandem.server.domain.Timestamps;
import dev.tandem.server.domain.membership.MembershipService;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Executes due flow runs. A node leases a batch of runs, groups them by campaign and step, and runs each step for
 * the whole group: database steps in one transaction that also advances the runs (so they happen exactly once),
 * Salesforce steps as one call per 200 people followed by a transaction that records and advances. A Wait parks
 * the runs until they are due again. Runs keep to their step order; a lost lease drops the group's work.
 */
public final class FlowExecutor {
    private static final Logger LOG = LoggerFactory.getLogger(FlowExecutor.class);

    private final Jdbi jdbi;
    private final Clock clock;
    private final String node;
    private final Duration lease;
    private final CampaignStore campaigns = new CampaignStore();
    private final FlowRunStore runs = new FlowRunStore();
    private final FactsLoader facts;
    private final LocalSteps local;
    private final SalesforceSteps salesforce;

    /**
     * @param salesforce runs Salesforce actions; null when Salesforce is not configured (those steps then fail for
     *                   each person with the reason recorded)
     */
    public FlowExecutor(Jdbi jdbi, Clock clock, String node, Duration lease, FactsLoader facts,
                        MembershipService memberships, SalesforceSteps salesforce) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.node = node;
        this.lease = lease;
        this.facts = facts;
        this.local = new LocalSteps(memberships);
        this.salesforce = salesforce;
    }

    /** Leases and executes up to {@code limit} due runs; returns how many it leased. */
    public int executeDue(int limit) {
        Instant now = Timestamps.now(clock);
        List<FlowRun> claimed = jdbi.inTransaction(h -> runs.claimDue(h, node, now, lease, limit));
        Map<List<Long>, List<FlowRun>> groups = new LinkedHashMap<>();
        for (FlowRun run : claimed) {
            groups.computeIfAbsent(List.of(run.campaignId(), (long) run.nextStep()), k -> new ArrayList<>()).add(run);
        }
        groups.forEach((key, group) -> {
            try {
                runGroup(key.get(0), key.get(1).intValue(), group);
            } catch (RuntimeException e) {
                // The lease lapses and another pass retries the group; the error is kept in the log only.
                LOG.warn("Flow of smart campaign {} failed at step {} for {} people", key.get(0), key.get(1) + 1,
                        group.size(), e);
            }
        });
        return claimed.size();
    }

    private void runGroup(long campaignId, int firstStep, List<FlowRun> group) {
        Optional<SmartCampaign> found = jdbi.withHandle(h -> campaigns.get(h, campaignId));
        if (found.isEmpty()) {
            return;
        }
        SmartCampaign campaign = found.get();
        List<FlowRun> current = group;
        for (int step = firstStep; !current.isEmpty(); step++) {
            Instant now = Timestamps.now(clock);
            List<Long> ids = current.stream().map(FlowRun::id).toList();
            if (step >= campaign.flow().size()) {
                jdbi.useTransaction(h -> runs.finish(h, node, ids, now));
                return;
            }
            FlowStep flowStep = campaign.flow().get(step);
            if (flowStep.defaultAction() instanceof FlowAction.Wait wait) {
                int next = step + 1;
                jdbi.useTransaction(h -> runs.park(h, node, ids, next, wait.endsFor(now)));
                return;
            }
            current = runStep(campaign, step, flowStep, current);
        }
    }

    /** Runs one step for the group; returns the runs that moved on (still held by this node). */
    private List<FlowRun> runStep(SmartCampaign campaign, int step, FlowStep flowStep, List<FlowRun> group) {
        Map<FlowAction, List<FlowRun>> byAction = new LinkedHashMap<>();
        if (flowStep.choices().isEmpty()) {
            byAction.put(flowStep.defaultAction(), group);
        } else {
            Map<Long, PersonFacts> known = jdbi.withHandle(h -> facts.load(h,
                    group.stream().map(FlowRun::personId).toList()));
            for (FlowRun run : group) {
                PersonFacts person = known.get(run.personId());
                FlowAction action = person == null ? new FlowAction.DoNothing()
                        : flowStep.actionFor(condition -> FilterEvaluator.matches(condition, person));
                byAction.computeIfAbsent(action, a -> new ArrayList<>()).add(run);
            }
        }
        List<FlowRun> moved = new ArrayList<>();
        byAction.forEach((action, runsOfAction) -> {
            if (runStepAction(campaign, step, action, runsOfAction)) {
                moved.addAll(runsOfAction);
            }
        });
        moved.sort(Comparator.comparingLong(FlowRun::id));
        return moved;
    }

    private boolean runStepAction(SmartCampaign campaign, int step, FlowAction action, List<FlowRun> group) {
        List<Long> people = group.stream().map(FlowRun::personId).toList();
        List<Long> ids = group.stream().map(FlowRun::id).toList();
        Map<Long, StepOutcome> remote = null;
        if (action.touchesSalesforce()) {
            remote = salesforce == null ? notConnected(people) : salesforce.run(campaign, action, people);
        }
        Map<Long, StepOutcome> remoteOutcomes = remote;
        try {
            jdbi.useTransaction(h -> {
                Instant now = Timestamps.now(clock);
                Map<Long, StepOutcome> outcomes = remoteOutcomes != null ? remoteOutcomes
                        : local.run(h, campaign, action, people);
                if (runs.advance(h, node, ids, step + 1, now, now.plus(lease)) != ids.size()) {
                    throw new LostLeaseException();
                }
                runs.log(h, group, step, action.displayName(), outcomes, now);
            });
            return true;
        } catch (LostLeaseException e) {
            LOG.warn("Lease on {} runs of smart campaign {} expired at step {}; another node continues them",
                    ids.size(), campaign.id(), step + 1);
            return false;
        }
    }

    private static Map<Long, StepOutcome> notConnected(List<Long> people) {
        Map<Long, StepOutcome> outcomes = new LinkedHashMap<>();
        people.forEach(p -> outcomes.put(p, StepOutcome.failed("Salesforce is not connected")));
        return outcomes;
    }

    /** The node no longer holds the runs it was working on. */
    private static final class LostLeaseException extends RuntimeException {
        LostLeaseException() {
            super(null, null, false, false);
        }
    }
}
