package dev.tandem.server.automation.flow;

import dev.tandem.server.automation.filter.FactsLoader;
import dev.tandem.server.automation.filter.FilterEvaluator;
import dev.tandem.server.automation.filter.PersonFacts;
import dev.tandem.server.automation.model.FlowAction;
import dev.tandem.server.automation.model.FlowStep;
import dev.tandem.server.automation.model.SmartCampaign;
import dev.tandem.server.automation.store.CampaignStore;
import dev.tandem.server.automation.token.ProgramTokenStore;
import dev.tandem.server.automation.token.RunTokens;
import dev.tandem.server.automation.token.StepTokens;
import dev.tandem.server.domain.Timestamps;
import dev.tandem.server.domain.membership.MembershipService;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Executes due flow runs. A node leases a batch of runs, groups them by campaign and step, and runs each step for
 * the whole group: database steps in one transaction that also advances the runs (so they happen exactly once),
 * Salesforce steps as one call per 200 people followed by a transaction that records and advances. A Wait parks
 * the runs until they are due again. Runs keep to their step order; a lost lease drops the group's work.
 * Token references in step parameters are resolved per run (the request's tokens over the program's My Tokens); a
 * run whose tokens cannot be resolved skips that step with the reason in the step log and goes on.
 */
public final class FlowExecutor {
    private static final Logger LOG = LoggerFactory.getLogger(FlowExecutor.class);

    private final Jdbi jdbi;
    private final Clock clock;
    private final String node;
    private final Duration lease;
    private final ZoneId zone;
    private final ProgramTokenStore programTokens = new ProgramTokenStore();
    private final CampaignStore campaigns = new CampaignStore();
    private final FlowRunStore runs = new FlowRunStore();
    private final FactsLoader facts;
    private final LocalSteps local;
    private final SalesforceSteps salesforce;

    /**
     * @param zone       the subscription time zone (wait "end on" times, date tokens)
     * @param salesforce runs Salesforce actions; null when Salesforce is not configured (those steps then fail for
     *                   each person with the reason recorded)
     */
    public FlowExecutor(Jdbi jdbi, Clock clock, ZoneId zone, String node, Duration lease, FactsLoader facts,
                        MembershipService memberships, SalesforceSteps salesforce) {
        this.zone = zone;
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
        RunTokens tokens = new RunTokens(() -> campaign.programId() == null ? Map.of()
                : jdbi.withHandle(h -> programTokens.values(h, campaign.programId())));
        List<FlowRun> current = group;
        for (int step = firstStep; !current.isEmpty(); step++) {
            if (step >= campaign.flow().size()) {
                Instant now = Timestamps.now(clock);
                List<Long> ids = current.stream().map(FlowRun::id).toList();
                jdbi.useTransaction(h -> runs.finish(h, node, ids, now));
                return;
            }
            FlowStep flowStep = campaign.flow().get(step);
            current = flowStep.defaultAction() instanceof FlowAction.Wait wait
                    ? runWait(campaign, step, wait, current, tokens)
                    : runStep(campaign, step, flowStep, current, tokens);
        }
    }

    /**
     * Parks each run until its wait ends; returns the runs that go straight on (a date already past, or a date
     * token that cannot be resolved, which is logged as a skip).
     */
    private List<FlowRun> runWait(SmartCampaign campaign, int step, FlowAction.Wait wait, List<FlowRun> group,
                                  RunTokens tokens) {
        Instant now = Timestamps.now(clock);
        Map<Instant, List<Long>> parked = new TreeMap<>();
        List<FlowRun> through = new ArrayList<>();
        Skips skips = new Skips();
        for (FlowRun run : group) {
            StepTokens.Resolved resolved = StepTokens.resolve(wait, tokens.forRequest(run.tokens()), zone);
            if (!resolved.runs()) {
                skips.add(run, wait.displayName(), resolved.skipReason());
                continue;
            }
            Instant end = ((FlowAction.Wait) resolved.action()).endsFor(now, zone);
            if (end.isAfter(now)) {
                parked.computeIfAbsent(end, e -> new ArrayList<>()).add(run.id());
            } else {
                through.add(run);
            }
        }
        if (!parked.isEmpty()) {
            jdbi.useTransaction(h -> parked.forEach((end, ids) -> runs.park(h, node, ids, step + 1, end)));
        }
        List<FlowRun> moved = new ArrayList<>();
        if (!through.isEmpty() && advance(campaign, step, through, Map.of())) {
            moved.addAll(through);
        }
        moved.addAll(skips.record(campaign, step));
        moved.sort(Comparator.comparingLong(FlowRun::id));
        return moved;
    }

    /** Runs one step for the group; returns the runs that moved on (still held by this node). */
    private List<FlowRun> runStep(SmartCampaign campaign, int step, FlowStep flowStep, List<FlowRun> group,
                                  RunTokens tokens) {
        Map<FlowAction, List<FlowRun>> byAction = new LinkedHashMap<>();
        Map<Long, PersonFacts> known = flowStep.choices().isEmpty() ? Map.of()
                : jdbi.withHandle(h -> facts.load(h, group.stream().map(FlowRun::personId).toList()));
        Skips skips = new Skips();
        for (FlowRun run : group) {
            FlowAction action = flowStep.defaultAction();
            if (!flowStep.choices().isEmpty()) {
                PersonFacts person = known.get(run.personId());
                action = person == null ? new FlowAction.DoNothing()
                        : flowStep.actionFor(condition -> FilterEvaluator.matches(condition, person));
            }
            StepTokens.Resolved resolved = StepTokens.resolve(action, tokens.forRequest(run.tokens()), zone);
            if (resolved.runs()) {
                byAction.computeIfAbsent(resolved.action(), a -> new ArrayList<>()).add(run);
            } else {
                skips.add(run, action.displayName(), resolved.skipReason());
            }
        }
        List<FlowRun> moved = new ArrayList<>();
        byAction.forEach((action, runsOfAction) -> {
            if (runStepAction(campaign, step, action, runsOfAction)) {
                moved.addAll(runsOfAction);
            }
        });
        moved.addAll(skips.record(campaign, step));
        moved.sort(Comparator.comparingLong(FlowRun::id));
        return moved;
    }

    /**
     * Moves runs past a step without doing it, logging the given outcomes (per person; none for a wait that is
     * simply over); false when the lease was lost.
     */
    private boolean advance(SmartCampaign campaign, int step, List<FlowRun> group,
                            Map<String, Map<Long, StepOutcome>> logByAction) {
        List<Long> ids = group.stream().map(FlowRun::id).toList();
        try {
            jdbi.useTransaction(h -> {
                Instant now = Timestamps.now(clock);
                if (runs.advance(h, node, ids, step + 1, now, now.plus(lease)) != ids.size()) {
                    throw new LostLeaseException();
                }
                logByAction.forEach((action, outcomes) -> runs.log(h, group.stream()
                        .filter(r -> outcomes.containsKey(r.personId())).toList(), step, action, outcomes, now));
            });
            return true;
        } catch (LostLeaseException e) {
            LOG.warn("Lease on {} runs of smart campaign {} expired at step {}; another node continues them",
                    ids.size(), campaign.id(), step + 1);
            return false;
        }
    }

    /** Runs that skip a step because a token could not be resolved, with the reasons. */
    private final class Skips {
        private final List<FlowRun> skipped = new ArrayList<>();
        private final Map<String, Map<Long, StepOutcome>> byAction = new LinkedHashMap<>();

        void add(FlowRun run, String action, String reason) {
            skipped.add(run);
            byAction.computeIfAbsent(action, a -> new LinkedHashMap<>()).put(run.personId(),
                    StepOutcome.skipped(reason));
        }

        /** Advances and logs the skipped runs; returns those that moved on. */
        List<FlowRun> record(SmartCampaign campaign, int step) {
            if (skipped.isEmpty() || !advance(campaign, step, skipped, byAction)) {
                return List.of();
            }
            return skipped;
        }
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
