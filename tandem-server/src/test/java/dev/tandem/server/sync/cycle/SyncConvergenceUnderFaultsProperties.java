package dev.tandem.server.sync.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.emulator.FaultRule;
import dev.tandem.salesforce.query.Cond;
import dev.tandem.salesforce.query.Soql;
import dev.tandem.server.sync.runs.RunOutcome;
import dev.tandem.server.sync.runs.RunReport;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tandem and the Salesforce emulator, both over real HTTP, driven through random interleavings of adds, status
 * changes and removals on both sides (Tandem's program members API; Salesforce's REST API) for three people and
 * one or two linked programs, mixed with sync steps (a cycle, a background push, a background poll) during which
 * the emulator injects random, seeded faults: 5xx answers, dropped connections, request-level and record-level
 * UNABLE_TO_LOCK_ROW, and record-level failures that are not transient. Once faults stop and the sync is quiescent
 * (cycles and retries until nothing is pending):
 * <ul>
 *   <li>both sides hold exactly the same members with the same statuses;</li>
 *   <li>no failed record is left, and the outbox is empty;</li>
 *   <li>the campaign activities (42/43/44) that say Salesforce made a change match, one to one and in order,
 *       changes the test made in Salesforce, and every such change that Tandem observed has its activity.</li>
 * </ul>
 * The activity oracle. A Salesforce change is <em>observed</em> when the sync step right after it is a pull that
 * completed, no other Salesforce change to that member came in between, and, just before the change, Tandem's
 * mirror held exactly what Salesforce held (so the pull sees a difference). A change that is not observed may
 * have no activity: a later Salesforce change can hide it (a poll sees only the latest state), and a change that
 * Tandem overwrites before any pull saw it is a conflict, not an activity. What Salesforce holds because Tandem
 * wrote it is never attributed to Salesforce.
 * <p>
 * Between tries the background jobs stay stopped (the steps run only when the test says), fault rules are
 * cleared and the API counter zeroed; each try gets new programs, campaigns and people. The emulator is not
 * reset: a reset org hands out the same record ids again, which the Tandem database kept across tries would
 * take for its old records. Every try logs its seed and actions.
 */
class SyncConvergenceUnderFaultsProperties {

    private static final Logger LOG = LoggerFactory.getLogger(SyncConvergenceUnderFaultsProperties.class);
    private static final List<String> STATUSES = List.of("Member", "Registered", "No Show", "Attended");
    private static final int PEOPLE = 3;
    private static final int QUIESCENCE_ROUNDS = 8;

    private static FlowTestServer server;

    @BeforeContainer
    static void start() {
        server = new FlowTestServer().connect();
        server.stopBackgroundJobs();
    }

    @AfterContainer
    static void stop() {
        server.close();
    }

    /** One step of a scenario. */
    sealed interface Action permits TandemSets, SalesforceSets, SyncStep {
    }

    /** A change through Tandem's API; a null status removes the member. */
    record TandemSets(int program, int person, String status) implements Action {
    }

    /** A change in Salesforce through its REST API; a null status deletes the CampaignMember. */
    record SalesforceSets(int program, int person, String status) implements Action {
    }

    /** What a sync step runs. */
    enum Step { CYCLE, PUSH, POLL }

    /** A sync step, with the seed of the faults injected while it runs (no faults when {@code faulty} is false). */
    record SyncStep(Step step, boolean faulty, long seed) implements Action {
    }

    /** A scenario: how many programs, and the actions in order. */
    record Scenario(int programs, List<Action> actions) {
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        Arbitrary<String> status = Arbitraries.of(STATUSES).injectNull(0.25);
        Arbitrary<Integer> program = Arbitraries.integers().between(0, 1);
        Arbitrary<Integer> person = Arbitraries.integers().between(0, PEOPLE - 1);
        Arbitrary<Action> tandem = Combinators.combine(program, person, status).as(TandemSets::new);
        Arbitrary<Action> salesforce = Combinators.combine(program, person, status).as(SalesforceSets::new);
        Arbitrary<Action> sync = Combinators.combine(Arbitraries.of(Step.class), Arbitraries.of(true, true, false),
                Arbitraries.longs()).as(SyncStep::new);
        Arbitrary<Action> action = Arbitraries.frequencyOf(
                Tuple.of(3, tandem), Tuple.of(3, salesforce), Tuple.of(3, sync));
        return Combinators.combine(Arbitraries.integers().between(1, 2), action.list().ofMinSize(4).ofMaxSize(16))
                .as((programs, actions) -> new Scenario(programs, actions.stream()
                        .filter(a -> programs == 2 || programOf(a) == 0).toList()));
    }

    private static int programOf(Action a) {
        if (a instanceof TandemSets t) {
            return t.program();
        }
        if (a instanceof SalesforceSets s) {
            return s.program();
        }
        return 0;
    }

    /** Logs the seed of the run, so that a failure can be repeated with {@code @Property(seed = "…")}. */
    static final class LogSeed implements AroundPropertyHook {
        @Override
        public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
            PropertyExecutionResult result = property.execute();
            LOG.info("{}: {} with seed {}", context.label(), result.status(), result.seed().orElse("(none)"));
            return result;
        }
    }

    @Property(tries = 30)
    @AddLifecycleHook(LogSeed.class)
    void bothSidesConvergeWithOneActivityPerObservedSalesforceChange(@ForAll("scenarios") Scenario scenario) {
        LOG.info("Scenario: {}", scenario);
        Try t = new Try(scenario.programs());
        for (Action action : scenario.actions()) {
            t.run(action);
        }
        t.quiesce();

        for (int p = 0; p < scenario.programs(); p++) {
            assertThat(t.salesforceMembers(p)).as("program %d: Salesforce vs Tandem", p)
                    .isEqualTo(t.tandemMembers(p));
        }
        assertThat(server.count("SELECT COUNT(*) FROM sync_errors WHERE resolved_at IS NULL"))
                .as("open sync errors").isZero();
        assertThat(server.count("SELECT COUNT(*) FROM sync_outbox")).as("outbox rows").isZero();
        t.assertActivitiesMatchSalesforceChanges();
        t.unlink();
        LOG.info("Converged: {} Salesforce changes, {} of them observed", t.changes.values().stream()
                .mapToLong(List::size).sum(), t.changes.values().stream().flatMap(List::stream)
                .filter(c -> c.observed).count());
    }

    /** A change the test made in Salesforce, and whether Tandem is sure to have observed it. */
    private static final class SalesforceChange {
        final String target;
        final boolean mirrorKnewBefore;
        boolean superseded;
        boolean observed;

        SalesforceChange(String target, boolean mirrorKnewBefore) {
            this.target = target;
            this.mirrorKnewBefore = mirrorKnewBefore;
        }
    }

    /** The state of one try: its programs, campaigns, people, and the Salesforce changes it made. */
    private static final class Try {
        final List<Long> programs = new ArrayList<>();
        final List<String> campaigns = new ArrayList<>();
        final List<Long> people;
        final Map<String, List<SalesforceChange>> changes = new HashMap<>();
        final List<SalesforceChange> awaitingPull = new ArrayList<>();

        Try(int programCount) {
            server.emulator.control().clearFaults();
            server.emulator.control().setApiUsage(0, 15_000);
            for (int p = 0; p < programCount; p++) {
                long program = server.createWebinarProgram();
                programs.add(program);
                campaigns.add(server.linkToNewCampaign(program));
            }
            people = server.createPeople(PEOPLE, true);
            // Every person starts as a member of the first program, so each has a Lead in Salesforce.
            server.setStatus(programs.get(0), "Member", people);
            JsonNode setup = server.runSync();
            assertThat(setup.get("outcome").asText()).as("setup sync").isEqualTo("COMPLETED");
        }

        void run(Action action) {
            if (action instanceof TandemSets t) {
                if (t.status() == null) {
                    server.removeMembers(programs.get(t.program()), List.of(people.get(t.person())));
                } else {
                    server.setStatus(programs.get(t.program()), t.status(), List.of(people.get(t.person())));
                }
            } else if (action instanceof SalesforceSets s) {
                changeInSalesforce(s);
            } else if (action instanceof SyncStep step) {
                sync(step);
            }
        }

        private void changeInSalesforce(SalesforceSets s) {
            long program = programs.get(s.program());
            long person = people.get(s.person());
            String campaign = campaigns.get(s.program());
            String lead = server.sfdcIdOf(person);
            Optional<String[]> held = salesforceMember(campaign, lead);
            String heldStatus = held.map(h -> h[1]).orElse(null);
            if (Objects.equals(heldStatus, s.status())) {
                return;
            }
            boolean mirrorKnew = Objects.equals(mirror(program, person), held.map(h -> h[0] + "/" + h[1])
                    .orElse(null));
            if (s.status() == null) {
                server.deleteInSalesforce(held.get()[0]);
            } else if (held.isEmpty()) {
                server.addToCampaign(campaign, lead, s.status());
            } else {
                server.changeInSalesforce(held.get()[0], s.status());
            }
            List<SalesforceChange> ofMember = changes.computeIfAbsent(program + "/" + person, k -> new ArrayList<>());
            ofMember.forEach(c -> c.superseded = true);
            SalesforceChange change = new SalesforceChange(s.status(), mirrorKnew);
            ofMember.add(change);
            awaitingPull.add(change);
        }

        private void sync(SyncStep step) {
            if (step.faulty()) {
                armFaults(step.seed());
            }
            boolean pullCompleted;
            try {
                pullCompleted = switch (step.step()) {
                    case CYCLE -> server.runSync().get("outcome").asText().equals("COMPLETED");
                    case PUSH -> {
                        server.cycle().pushInBackground();
                        yield false;
                    }
                    case POLL -> server.cycle().pollInBackground().map(RunReport::outcome)
                            .orElse(RunOutcome.COMPLETED) == RunOutcome.COMPLETED;
                };
            } finally {
                server.emulator.control().clearFaults();
            }
            for (SalesforceChange change : awaitingPull) {
                change.observed = pullCompleted && change.mirrorKnewBefore && !change.superseded;
            }
            awaitingPull.clear();
        }

        /** Arms a few of the fault kinds, each drawing from its own seed. */
        private static void armFaults(long seed) {
            Random random = new Random(seed);
            List<FaultRule> rules = new ArrayList<>();
            if (random.nextBoolean()) {
                rules.add(FaultRule.randomly("SERVER_UNAVAILABLE", 503, null, "/services/data/", 0.15,
                        random.nextLong()));
            }
            if (random.nextBoolean()) {
                rules.add(FaultRule.randomly("UNABLE_TO_LOCK_ROW", 400, null, "/composite/sobjects", 0.3,
                        random.nextLong()));
            }
            if (random.nextInt(3) == 0) {
                // A dropped connection: the client cannot know whether a write went through.
                rules.add(FaultRule.randomly("CONNECTION_DROPPED", 0, null, "/services/data/", 0.1,
                        random.nextLong()));
            }
            if (random.nextBoolean()) {
                rules.add(FaultRule.perRecord("UNABLE_TO_LOCK_ROW", null, "/composite/sobjects", 0.3,
                        random.nextLong()));
            }
            if (random.nextBoolean()) {
                rules.add(new FaultRule("CANNOT_INSERT_UPDATE_ACTIVATE_ENTITY", 200, null, "/composite/sobjects", 0,
                        -1, 0, "CampaignMemberTrigger: execution of AfterUpdate caused by an exception", 0.25,
                        random.nextLong(), true));
            }
            rules.forEach(r -> server.emulator.control().addFault(r));
        }

        /** Cycles and retries without faults until nothing is pending, then one more cycle. */
        void quiesce() {
            server.emulator.control().clearFaults();
            for (int round = 0; round < QUIESCENCE_ROUNDS; round++) {
                server.runSync();
                if (server.count("SELECT COUNT(*) FROM sync_errors WHERE resolved_at IS NULL") > 0) {
                    server.postJson("/rest/tandem/v1/sync/errors/retry.json", "{}");
                }
                if (server.count("SELECT COUNT(*) FROM sync_outbox") == 0
                        && server.count("SELECT COUNT(*) FROM sync_errors WHERE resolved_at IS NULL") == 0) {
                    break;
                }
            }
            JsonNode last = server.runSync();
            assertThat(last.get("outcome").asText()).as("last cycle: %s", last).isEqualTo("COMPLETED");
        }

        Map<String, String> tandemMembers(int p) {
            Map<String, String> bySfId = new LinkedHashMap<>();
            server.tandemMembers(programs.get(p)).forEach((person, status) ->
                    bySfId.put(server.sfdcIdOf(person), status));
            return bySfId;
        }

        Map<String, String> salesforceMembers(int p) {
            return server.salesforceMembers(campaigns.get(p));
        }

        /**
         * Salesforce-side activities of each member match, in order, a subsequence of the changes the test made in
         * Salesforce, and every observed change is matched.
         */
        void assertActivitiesMatchSalesforceChanges() {
            for (int p = 0; p < programs.size(); p++) {
                for (long person : people) {
                    long program = programs.get(p);
                    List<SalesforceChange> made = changes.getOrDefault(program + "/" + person, List.of());
                    List<String> recorded = salesforceActivityTargets(program, person);
                    int next = 0;
                    for (String target : recorded) {
                        int at = next;
                        while (at < made.size() && !Objects.equals(made.get(at).target, target)) {
                            assertThat(made.get(at).observed).as("program %d person %d: observed Salesforce change"
                                    + " %d (%s) has no activity; activities %s, changes %s", p, person, at,
                                    made.get(at).target, recorded, targets(made)).isFalse();
                            at++;
                        }
                        assertThat(at).as("program %d person %d: activity for '%s' matches no Salesforce change;"
                                + " activities %s, changes %s", p, person, target, recorded, targets(made))
                                .isLessThan(made.size());
                        next = at + 1;
                    }
                    for (int at = next; at < made.size(); at++) {
                        assertThat(made.get(at).observed).as("program %d person %d: observed Salesforce change %d"
                                + " (%s) has no activity; activities %s, changes %s", p, person, at,
                                made.get(at).target, recorded, targets(made)).isFalse();
                    }
                }
            }
        }

        private static List<String> targets(List<SalesforceChange> made) {
            return made.stream().map(c -> c.target + (c.observed ? " (observed)" : "")).toList();
        }

        /** What each Salesforce-side 42/43/44 activity of the member says Salesforce then held (null: none). */
        private List<String> salesforceActivityTargets(long program, long person) {
            List<String> targets = new ArrayList<>();
            server.app().services().database().jdbi().useHandle(h -> h.createQuery("SELECT type_id, attributes "
                            + "FROM activities WHERE person_id = :person AND primary_attribute_value_id = :program "
                            + "AND type_id IN (42, 43, 44) ORDER BY id").bind("person", person)
                    .bind("program", program).map((rs, ctx) -> {
                        JsonNode attributes = FlowTestServer.json(rs.getString(2));
                        if (attributes.path("Source").asText().equals("Salesforce")) {
                            targets.add(switch (rs.getInt(1)) {
                                case 42 -> attributes.path("Status").asText();
                                case 44 -> attributes.path("New Status").asText();
                                default -> null;
                            });
                        }
                        return 0;
                    }).list());
            return targets;
        }

        /** The mirror's "member id/status" for a member, or null. */
        private static String mirror(long program, long person) {
            return server.text("SELECT sf_member_id || '/' || sf_status FROM campaign_member_mirror WHERE program_id = "
                    + program + " AND person_id = " + person);
        }

        private static Optional<String[]> salesforceMember(String campaign, String lead) {
            List<String[]> found = new ArrayList<>();
            server.salesforce.query(Soql.select("Id", "Status").from("CampaignMember")
                    .where(Cond.eq("CampaignId", campaign).and(Cond.eq("LeadId", lead))).build(), 200,
                    page -> page.records().forEach(r -> found.add(new String[] {r.id(), r.getString("Status")})));
            return found.stream().findFirst();
        }

        void unlink() {
            for (long program : programs) {
                FlowTestServer.ok(server.postJson("/rest/tandem/v1/programs/" + program
                        + "/salesforceCampaign/delete.json", "{}"));
            }
        }
    }
}
