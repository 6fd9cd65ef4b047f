package dev.tandem.bench.automation;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.core.membership.ChangeSource;
import dev.tandem.core.person.PersonFields;
import dev.tandem.core.person.SfdcType;
import dev.tandem.core.program.ProgramType;
import dev.tandem.emulator.EmulatorConfig;
import dev.tandem.emulator.SalesforceEmulator;
import dev.tandem.salesforce.SalesforceClient;
import dev.tandem.salesforce.SalesforceConfig;
import dev.tandem.server.automation.AutomationEngine;
import dev.tandem.server.automation.CampaignService;
import dev.tandem.server.automation.filter.FactsLoader;
import dev.tandem.server.automation.filter.MirrorCampaignMemberships;
import dev.tandem.server.automation.flow.salesforce.SalesforceFlowActions;
import dev.tandem.server.automation.trigger.TriggerProcessor;
import dev.tandem.server.domain.activity.ActivityLog;
import dev.tandem.server.domain.membership.MembershipService;
import dev.tandem.server.domain.people.LookupField;
import dev.tandem.server.domain.people.PeopleService;
import dev.tandem.server.domain.people.PersonInput;
import dev.tandem.server.domain.people.SyncAction;
import dev.tandem.server.domain.programs.NewProgram;
import dev.tandem.server.domain.programs.ProgramService;
import dev.tandem.server.store.Database;
import dev.tandem.server.sync.settings.SyncSettingsService;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;

/**
 * Figures of the automation engine on embedded H2 (in memory):
 * <ol>
 *   <li>a bulk membership import (status changes of {@code events} people, 300 a call) while no trigger campaign is
 *   active, which writes no trigger events;</li>
 *   <li>trigger events evaluated per second with 50 active trigger campaigns over 100,000 people: each event is a
 *   program status change (activity 104) in one of 50 programs; every campaign listens to one program and has a
 *   person-attribute filter; evaluation (claim, match all 50 campaigns, load facts, filters, qualification, start
 *   the flow run, delete the event) is timed alone, then the flow runs that it started are executed and timed;</li>
 *   <li>Salesforce API calls of a batch campaign that adds 10,000 people to a Salesforce campaign (the emulator's
 *   count of calls made against the daily limit), for people already in Salesforce and for people who are not.</li>
 * </ol>
 * Arguments: {@code [people] [events] [batchPeople] [backend]}, defaults {@code 100000 20000 10000 h2}; backend
 * {@code postgresql} runs the trigger part on a fresh schema of the local PostgreSQL (database {@code test}).
 */
public final class AutomationBench {

    private static final int CAMPAIGNS = 50;
    private static final int BATCH = 300;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PG_URL = "jdbc:postgresql://127.0.0.1:5432/test";

    private AutomationBench() {
    }

    public static void main(String[] args) throws Exception {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
        int people = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int events = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        int batchPeople = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
        String backend = args.length > 3 ? args[3] : "h2";
        System.out.printf(Locale.ROOT, "Automation bench: max heap %d MiB, %d CPUs%n",
                Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors());
        System.out.println("Trigger part on " + backend);
        if (backend.equals("postgresql")) {
            String schema = "bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            execute("CREATE SCHEMA " + schema);
            try (Database db = Database.open(PG_URL + "?currentSchema=" + schema, "postgres", "", 8)) {
                triggers(db, people, events);
            } finally {
                execute("DROP SCHEMA " + schema + " CASCADE");
            }
        } else {
            try (Database db = h2()) {
                triggers(db, people, events);
            }
        }
        if (batchPeople > 0) {
            batchToSalesforce(batchPeople, true);
            batchToSalesforce(batchPeople, false);
        }
    }

    private static Database h2() {
        return Database.open("jdbc:h2:mem:bench" + UUID.randomUUID().toString().replace("-", "")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa", "", 8);
    }

    private static void execute(String sql) throws java.sql.SQLException {
        try (var connection = java.sql.DriverManager.getConnection(PG_URL, "postgres", "");
             var statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static void triggers(Database db, int peopleCount, int eventCount) throws Exception {
        Clock clock = Clock.systemUTC();
        ActivityLog log = new ActivityLog(db.jdbi());
        PeopleService people = new PeopleService(db.jdbi(), log, clock);
        MembershipService memberships = new MembershipService(db.jdbi(), log, clock);
        ProgramService programs = new ProgramService(db.jdbi(), clock);
        List<Long> ids = createPeople(people, peopleCount, null);
        List<Long> programIds = new ArrayList<>();
        for (int i = 0; i < CAMPAIGNS; i++) {
            programIds.add(programs.create(new NewProgram("Bench " + i, null, ProgramType.EVENT, "Webinar", null)).id());
        }
        long target = programs.create(new NewProgram("Bench target", null, ProgramType.EVENT, "Webinar", null)).id();
        // The engine registers its queue now: creating the people above queued nothing.
        AutomationEngine engine = new AutomationEngine(db.jdbi(), log, memberships, clock, (h, p) -> Map.of(), null,
                Duration.ofMillis(200));
        CampaignService campaigns = new CampaignService(db.jdbi(), clock, log, engine.queue());

        // With no trigger campaign active, a bulk membership import writes activity 104 for every member but
        // queues nothing: the queue skips activity types that no active trigger campaign listens to.
        // An untimed import of the same size into another program first, so that both are not timed cold.
        List<Long> importees = ids.subList(0, Math.min(eventCount, ids.size()));
        importMembers(memberships, programs.create(new NewProgram("Bench warm-up", null, ProgramType.EVENT, "Webinar",
                null)).id(), importees);
        long importProgram = programs.create(new NewProgram("Bench import", null, ProgramType.EVENT, "Webinar", null))
                .id();
        long queuedBefore = db.jdbi().withHandle(h -> engine.queue().pending(h));
        long importStart = System.nanoTime();
        importMembers(memberships, importProgram, importees);
        double importSeconds = seconds(importStart);
        long importQueued = db.jdbi().withHandle(h -> engine.queue().pending(h)) - queuedBefore;
        db.jdbi().useHandle(h -> h.execute("DELETE FROM automation_trigger_events"));

        for (int i = 0; i < CAMPAIGNS; i++) {
            long id = campaigns.create("Bench campaign " + i, null, null).id();
            campaigns.saveRules(id, JSON.readTree("{\"triggers\":[{\"type\":\"programStatusChanged\",\"programId\":"
                    + programIds.get(i) + "}],\"filters\":[{\"type\":\"personAttribute\",\"attribute\":\"email\","
                    + "\"operator\":\"contains\",\"values\":[\"@bench.\"]}],\"qualification\":{\"rule\":\"every time\"}}"));
            campaigns.saveFlow(id, JSON.readTree("{\"steps\":[{\"action\":\"changeProgramStatus\",\"programId\":"
                    + target + ",\"status\":\"Member\"}]}"));
            campaigns.activate(id);
        }
        Random random = new Random(42);
        long enqueueStart = System.nanoTime();
        for (int done = 0; done < eventCount; done += BATCH) {
            List<Long> batch = new ArrayList<>();
            for (int i = 0; i < Math.min(BATCH, eventCount - done); i++) {
                batch.add(ids.get(random.nextInt(ids.size())));
            }
            long program = programIds.get((done / BATCH) % CAMPAIGNS);
            memberships.changeStatus(program, batch.stream().distinct().toList(),
                    (done / BATCH / CAMPAIGNS) % 2 == 0 ? "Member" : "Registered", ChangeSource.API, null);
        }
        double enqueueSeconds = seconds(enqueueStart);
        long queued = db.jdbi().withHandle(h -> engine.queue().pending(h));

        TriggerProcessor evaluator = new TriggerProcessor(db.jdbi(), clock, engine.queue(),
                new FactsLoader((h, p) -> Map.of()));
        long evalStart = System.nanoTime();
        long evaluated = 0;
        int n;
        while ((n = evaluator.processBatch(AutomationEngine.EVENT_BATCH)) > 0) {
            evaluated += n;
        }
        double evalSeconds = seconds(evalStart);
        long runs = db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM automation_flow_runs")
                .mapTo(Long.class).one());

        long flowStart = System.nanoTime();
        engine.drain();
        double flowSeconds = seconds(flowStart);

        System.out.println();
        System.out.println("| measure | count | seconds | per second |");
        System.out.println("|---|---:|---:|---:|");
        row("membership import with no active trigger campaign (activity 104; " + importQueued
                + " events queued)", importees.size(), importSeconds);
        row("status changes written (activity 104 + queued event, in the writing transaction)", queued,
                enqueueSeconds);
        row("trigger events evaluated against " + CAMPAIGNS + " active campaigns (" + peopleCount
                + " people)", evaluated, evalSeconds);
        row("flow runs started by those events, then executed (Change Program Status)", runs, flowSeconds);
    }

    private static void batchToSalesforce(int count, boolean alreadyInSalesforce) throws Exception {
        try (SalesforceEmulator emulator = SalesforceEmulator.start(EmulatorConfig.defaults());
             Database db = h2()) {
            SalesforceClient client = SalesforceClient.connect(SalesforceConfig.builder(emulator.baseUrl())
                    .password("tandem-client-id", "tandem-client-secret", "integration@tandem.dev", "tandem-password")
                    .build());
            Clock clock = Clock.systemUTC();
            ActivityLog log = new ActivityLog(db.jdbi());
            PeopleService people = new PeopleService(db.jdbi(), log, clock);
            MembershipService memberships = new MembershipService(db.jdbi(), log, clock);
            List<String> leadIds = null;
            if (alreadyInSalesforce) {
                List<Map<String, Object>> leads = new ArrayList<>();
                for (int i = 0; i < count; i++) {
                    leads.add(Map.of("LastName", "Batch" + i, "Company", "Bench", "Email", "batch" + i + "@bench.example"));
                }
                leadIds = client.create("Lead", leads).stream().map(r -> r.id()).toList();
            }
            createPeople(people, count, leadIds);
            String campaignId = client.create("Campaign", List.of(Map.of("Name", "Bench batch"))).get(0).id();
            SalesforceFlowActions actions = new SalesforceFlowActions(db.jdbi(), clock, () -> Optional.of(client),
                    new SyncSettingsService(db.jdbi(), clock), log, memberships);
            AutomationEngine engine = new AutomationEngine(db.jdbi(), log, memberships, clock,
                    new MirrorCampaignMemberships(), actions, Duration.ofMillis(200));
            CampaignService campaigns = new CampaignService(db.jdbi(), clock, log, engine.queue());
            long id = campaigns.create("Bench batch", null, null).id();
            campaigns.saveRules(id, JSON.readTree("{\"filters\":[{\"type\":\"personAttribute\",\"attribute\":\"email\","
                    + "\"operator\":\"contains\",\"values\":[\"@bench.\"]}]}"));
            campaigns.saveFlow(id, JSON.readTree("{\"steps\":[{\"action\":\"addToSfdcCampaign\",\"campaignId\":\""
                    + campaignId + "\",\"status\":\"Sent\"}]}"));

            long before = emulator.control().apiCallsUsed();
            long start = System.nanoTime();
            campaigns.runNow(id, null);
            engine.drain();
            double elapsed = seconds(start);
            long calls = emulator.control().apiCallsUsed() - before;
            long members = client.count(dev.tandem.salesforce.query.Soql.selectCount().from("CampaignMember")
                    .where(dev.tandem.salesforce.query.Cond.eq("CampaignId", campaignId)).build());
            System.out.println();
            System.out.printf(Locale.ROOT, "Batch campaign adding %,d people %s to a Salesforce campaign: %d API calls "
                            + "(ceil(N/200) = %d), %,d CampaignMembers in Salesforce, %.1f s%n", count,
                    alreadyInSalesforce ? "already in Salesforce" : "not yet in Salesforce (Leads created first)", calls,
                    (count + 199) / 200, members, elapsed);
        }
    }

    private static void importMembers(MembershipService memberships, long programId, List<Long> people) {
        for (int from = 0; from < people.size(); from += BATCH) {
            memberships.changeStatus(programId, people.subList(from, Math.min(people.size(), from + BATCH)),
                    "Registered", ChangeSource.API, null);
        }
    }

    private static List<Long> createPeople(PeopleService people, int count, List<String> leadIds) {
        List<Long> ids = new ArrayList<>(count);
        for (int from = 0; from < count; from += BATCH) {
            List<PersonInput> batch = new ArrayList<>(BATCH);
            for (int i = from; i < Math.min(count, from + BATCH); i++) {
                String lead = leadIds == null ? null : leadIds.get(i);
                batch.add(PersonInput.of(new PersonFields("p" + i + "@bench.example", "First" + i, "Batch" + i,
                        "Bench", null, null, lead == null ? null : SfdcType.LEAD, lead)));
            }
            people.sync(SyncAction.CREATE_ONLY, LookupField.EMAIL, batch).forEach(r -> ids.add(r.id()));
        }
        return ids;
    }

    private static void row(String what, long count, double seconds) {
        System.out.printf(Locale.ROOT, "| %s | %,d | %.2f | %,.0f |%n", what, count, seconds, count / seconds);
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
