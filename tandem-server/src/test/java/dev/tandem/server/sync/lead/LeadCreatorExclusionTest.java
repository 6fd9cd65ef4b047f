package dev.tandem.server.sync.lead;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.core.activity.ActivityType;
import dev.tandem.core.person.Person;
import dev.tandem.core.person.PersonFields;
import dev.tandem.emulator.EmulatorConfig;
import dev.tandem.emulator.FaultRule;
import dev.tandem.emulator.SalesforceEmulator;
import dev.tandem.salesforce.SalesforceClient;
import dev.tandem.salesforce.SalesforceConfig;
import dev.tandem.salesforce.query.Cond;
import dev.tandem.salesforce.query.SObject;
import dev.tandem.salesforce.query.Soql;
import dev.tandem.server.domain.activity.ActivityLog;
import dev.tandem.server.store.PersonDao;
import dev.tandem.server.sync.SyncTestDatabase;
import dev.tandem.server.sync.settings.SyncSettingsService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Lead creators of several nodes (or of the sync and a flow step) working on the same people, on PostgreSQL. */
class LeadCreatorExclusionTest {

    private static final int PEOPLE = 60;

    private SalesforceEmulator emulator;
    private SalesforceClient salesforce;
    private SyncTestDatabase db;
    private SyncSettingsService settings;
    private final PersonDao people = new PersonDao();
    private final LeadIntentStore intents = new LeadIntentStore();

    @BeforeEach
    void start() throws Exception {
        emulator = SalesforceEmulator.start(EmulatorConfig.defaults());
        salesforce = SalesforceClient.connect(SalesforceConfig.builder(emulator.baseUrl())
                .password("tandem-client-id", "tandem-client-secret", "integration@tandem.dev", "tandem-password")
                .build());
        db = SyncTestDatabase.open(SyncTestDatabase.Kind.POSTGRES);
        settings = new SyncSettingsService(db.jdbi(), Clock.systemUTC());
        settings.update(new ObjectMapper().readTree(
                "{\"defaultLeadLastName\":\"Unknown\",\"defaultLeadCompany\":\"Not Provided\"}"));
    }

    @AfterEach
    void stop() {
        db.close();
        emulator.close();
    }

    private LeadCreator creator(String node) {
        return new LeadCreator(db.jdbi(), settings, new ActivityLog(db.jdbi()), Clock.systemUTC(), node);
    }

    private Person person(String email) {
        long id = db.jdbi().inTransaction(h -> people.insert(h, new PersonFields(email, null, "Race", "Acme",
                null, null, null, null), Instant.now()));
        return reload(id);
    }

    private Person reload(long id) {
        return db.read(h -> people.byId(h, id)).orElseThrow();
    }

    private List<SObject> leadsWithEmail(String email) {
        return salesforce.stream(Soql.select("Id", "Email").from("Lead").where(Cond.eq("Email", email)).build())
                .toList();
    }

    private long syncLeadActivities(long personId) {
        return db.read(h -> h.createQuery("SELECT COUNT(*) FROM activities WHERE person_id = :p AND type_id = :t")
                .bind("p", personId).bind("t", ActivityType.SYNC_LEAD_TO_SFDC.id()).mapTo(Long.class).one());
    }

    private void holdIntent(Person person, String holder, Instant until) {
        db.jdbi().useTransaction(h -> {
            intents.insertAll(h, List.of(new LeadIntent(person.id(), Instant.now().minusSeconds(60),
                    new LeadFields(person.email(), null, "Race", "Acme"))));
            h.execute("UPDATE lead_intents SET holder = ?, held_until = ? WHERE person_id = ?", holder,
                    until.atOffset(ZoneOffset.UTC), person.id());
        });
    }

    /** Calls the creator until it leaves nobody to another creator, as the pusher's next rounds would. */
    private static void createUntilDecided(LeadCreator creator, SalesforceClient client, List<Person> group)
            throws InterruptedException {
        List<Person> pending = group;
        for (int round = 0; !pending.isEmpty() && round < 100; round++) {
            LeadResults results = creator.create(client, pending, LeadOrigin.campaignSync());
            assertThat(results.stoppedBy()).isNull();
            pending = pending.stream().filter(p -> results.busy().contains(p.id())).toList();
            if (!pending.isEmpty()) {
                Thread.sleep(50);
            }
        }
        assertThat(pending).as("left to another creator after 100 rounds").isEmpty();
    }

    @Test
    void twoCreatorsRacingForTheSamePeopleInsertOneLeadEach() throws Exception {
        List<Person> group = IntStream.range(0, PEOPLE).mapToObj(i -> person("race" + i + "@example.com")).toList();
        LeadCreator pusher = creator("node-a");
        LeadCreator flowStep = creator("node-b");
        SalesforceClient otherClient = SalesforceClient.connect(SalesforceConfig.builder(emulator.baseUrl())
                .password("tandem-client-id", "tandem-client-secret", "integration@tandem.dev", "tandem-password")
                .build());
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> runs = new ArrayList<>();
            runs.add(threads.submit(() -> {
                start.await();
                createUntilDecided(pusher, salesforce, group);
                return null;
            }));
            runs.add(threads.submit(() -> {
                start.await();
                createUntilDecided(flowStep, otherClient, group);
                return null;
            }));
            for (Future<?> run : runs) {
                run.get();
            }
        } finally {
            threads.shutdownNow();
        }

        for (Person p : group) {
            List<SObject> leads = leadsWithEmail(p.email());
            assertThat(leads).as("Leads of %s", p.email()).hasSize(1);
            assertThat(reload(p.id()).sfdcId()).isEqualTo(leads.get(0).id());
            assertThat(syncLeadActivities(p.id())).isEqualTo(1);
        }
        long open = db.read(h -> h.createQuery("SELECT COUNT(*) FROM lead_intents").mapTo(Long.class).one());
        assertThat(open).isZero();
    }

    @Test
    void aPersonWhoseIntentAnotherLiveCreatorHoldsIsLeftToIt() {
        Person ann = person("ann@example.com");
        holdIntent(ann, "node-b/12345678", Instant.now().plus(Duration.ofMinutes(10)));

        LeadResults results = creator("node-a").create(salesforce, List.of(ann), LeadOrigin.campaignSync());

        assertThat(results.busy()).containsExactly(ann.id());
        assertThat(results.created()).isEmpty();
        assertThat(leadsWithEmail("ann@example.com")).isEmpty();
        Map<Long, LeadIntent> open = db.read(h -> intents.open(h, List.of(ann.id())));
        assertThat(open).as("the other creator's intent is kept").containsKey(ann.id());
    }

    @Test
    void anIntentWhoseHoldLapsedIsTakenOverAndItsLeadAdoptedNotInsertedAgain() {
        Person bo = person("bo@example.com");
        holdIntent(bo, "node-b/12345678", Instant.now().minus(Duration.ofMinutes(1)));
        String earlier = salesforce.create("Lead", List.of(Map.of("Email", "bo@example.com", "LastName", "Race",
                "Company", "Acme"))).get(0).id();

        LeadResults results = creator("node-a").create(salesforce, List.of(bo), LeadOrigin.campaignSync());

        assertThat(results.adopted()).containsExactly(bo.id());
        assertThat(leadsWithEmail("bo@example.com")).hasSize(1);
        assertThat(reload(bo.id()).sfdcId()).isEqualTo(earlier);
    }

    @Test
    void aNodeStartedAgainUnderItsNameFreesTheHoldsItsPreviousProcessDiedWith() {
        Person cy = person("cy@example.com");
        Person dee = person("dee@example.com");
        holdIntent(cy, "node-a/dead0001", Instant.now().plus(Duration.ofMinutes(10)));
        holdIntent(dee, "node-a2/live0001", Instant.now().plus(Duration.ofMinutes(10)));
        LeadCreator restarted = creator("node-a");

        int freed = restarted.resumeAfterRestart();
        LeadResults results = restarted.create(salesforce, List.of(cy, dee), LeadOrigin.campaignSync());

        assertThat(freed).isEqualTo(1);
        assertThat(results.created()).containsExactly(cy.id());
        assertThat(results.busy()).as("another node's name that merely starts alike").containsExactly(dee.id());
        assertThat(leadsWithEmail("cy@example.com")).hasSize(1);
    }

    @Test
    void aCreatorThatStopsPartWayLeavesItsIntentsOpenButFree() {
        Person eve = person("eve@example.com");
        emulator.control().addFault(FaultRule.once("JSON_PARSER_ERROR", 400, "POST",
                "composite/sobjects"));

        LeadResults stopped = creator("node-a").create(salesforce, List.of(eve), LeadOrigin.campaignSync());
        LeadResults other = creator("node-b").create(salesforce, List.of(reload(eve.id())), LeadOrigin.campaignSync());

        assertThat(stopped.stoppedBy()).isNotNull();
        assertThat(other.busy()).isEmpty();
        assertThat(other.linked(eve.id())).isPresent();
        assertThat(leadsWithEmail("eve@example.com")).hasSize(1);
    }
}
