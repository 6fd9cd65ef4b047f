package dev.tandem.server.sync.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.core.activity.ActivityType;
import dev.tandem.core.person.Person;
import dev.tandem.core.person.PersonFields;
import dev.tandem.core.person.SfdcType;
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
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The shared Lead creator against the emulator over HTTP, on H2 and PostgreSQL. */
class LeadCreatorTest {

    private SalesforceEmulator emulator;
    private SalesforceClient salesforce;
    private SyncTestDatabase db;
    private LeadCreator creator;
    private final PersonDao people = new PersonDao();
    private final LeadIntentStore intents = new LeadIntentStore();

    private void start(SyncTestDatabase.Kind kind) throws Exception {
        emulator = SalesforceEmulator.start(EmulatorConfig.defaults());
        salesforce = SalesforceClient.connect(SalesforceConfig.builder(emulator.baseUrl())
                .password("tandem-client-id", "tandem-client-secret", "integration@tandem.dev", "tandem-password")
                .build());
        db = SyncTestDatabase.open(kind);
        SyncSettingsService settings = new SyncSettingsService(db.jdbi(), Clock.systemUTC());
        settings.update(new ObjectMapper().readTree(
                "{\"defaultLeadLastName\":\"Unknown\",\"defaultLeadCompany\":\"Not Provided\"}"));
        creator = new LeadCreator(db.jdbi(), settings, new ActivityLog(db.jdbi()), Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        if (db != null) {
            db.close();
        }
        if (emulator != null) {
            emulator.close();
        }
    }

    private Person person(String email, String firstName, String lastName, String company) {
        long id = db.jdbi().inTransaction(h -> people.insert(h, new PersonFields(email, firstName, lastName, company,
                null, null, null, null), Instant.now()));
        return reload(id);
    }

    private Person reload(long id) {
        return db.read(h -> people.byId(h, id)).orElseThrow();
    }

    private List<SObject> leadsWhere(Cond cond) {
        return salesforce.stream(Soql.select("Id", "Email", "FirstName", "LastName", "Company").from("Lead")
                .where(cond).build()).toList();
    }

    private long syncLeadActivities(long personId) {
        return db.read(h -> h.createQuery("SELECT COUNT(*) FROM activities WHERE person_id = :p AND type_id = :t")
                .bind("p", personId).bind("t", ActivityType.SYNC_LEAD_TO_SFDC.id()).mapTo(Long.class).one());
    }

    private Map<Long, LeadIntent> openIntents(long personId) {
        return db.read(h -> intents.open(h, List.of(personId)));
    }

    private String createLeadDirectly(Map<String, Object> fields) {
        return salesforce.create("Lead", List.of(fields)).get(0).id();
    }

    @ParameterizedTest
    @EnumSource(SyncTestDatabase.Kind.class)
    void createsALeadWithTheDefaultsRecordsItsIdWithOneActivityAndClosesTheIntent(SyncTestDatabase.Kind kind)
            throws Exception {
        start(kind);
        Person ann = person("ann@example.com", "Ann", null, null);

        LeadResults results = creator.create(salesforce, List.of(ann), LeadOrigin.campaignSync());

        String leadId = reload(ann.id()).sfdcId();
        assertThat(results.linked(ann.id())).hasValueSatisfying(p -> assertThat(p.sfdcId()).isEqualTo(leadId));
        assertThat(results.created()).containsExactly(ann.id());
        assertThat(results.adopted()).isEmpty();
        assertThat(leadsWhere(Cond.eq("Email", "ann@example.com"))).singleElement().satisfies(lead -> {
            assertThat(lead.id()).isEqualTo(leadId);
            assertThat(lead.getString("LastName")).isEqualTo("Unknown");
            assertThat(lead.getString("Company")).isEqualTo("Not Provided");
        });
        assertThat(syncLeadActivities(ann.id())).isEqualTo(1);
        assertThat(openIntents(ann.id())).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(SyncTestDatabase.Kind.class)
    void aRetryAfterTheDatabaseFailedToRecordTheLeadAdoptsItInsteadOfCreatingASecond(SyncTestDatabase.Kind kind)
            throws Exception {
        start(kind);
        Person ann = person("ann@example.com", "Ann", "Ames", "Acme");
        AtomicBoolean crash = new AtomicBoolean(true);
        db.jdbi().setSqlLogger(new SqlLogger() {
            @Override
            public void logBeforeExecution(StatementContext context) {
                if (context.getRawSql().startsWith("UPDATE people SET sfdc_type") && crash.getAndSet(false)) {
                    throw new IllegalStateException("simulated crash after Salesforce created the Lead");
                }
            }
        });
        assertThatThrownBy(() -> creator.create(salesforce, List.of(ann), LeadOrigin.campaignSync()))
                .hasMessageContaining("simulated crash");
        assertThat(reload(ann.id()).sfdcId()).isNull();
        assertThat(openIntents(ann.id())).containsKey(ann.id());

        LeadResults retry = creator.create(salesforce, List.of(reload(ann.id())), LeadOrigin.campaignSync());

        List<SObject> leads = leadsWhere(Cond.eq("Email", "ann@example.com"));
        assertThat(leads).as("no second Lead").hasSize(1);
        assertThat(reload(ann.id()).sfdcId()).isEqualTo(leads.get(0).id());
        assertThat(retry.adopted()).containsExactly(ann.id());
        assertThat(syncLeadActivities(ann.id())).isEqualTo(1);
        assertThat(openIntents(ann.id())).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(SyncTestDatabase.Kind.class)
    void aPersonWithoutEmailAdoptsTheLeadWithTheSentValuesCreatedSinceTheIntent(SyncTestDatabase.Kind kind)
            throws Exception {
        start(kind);
        Person bo = person(null, "Bo", null, null);
        Person cy = person(null, "Cy", null, null);
        Instant opened = Instant.now().plusSeconds(600);
        String older = createLeadDirectly(Map.of("FirstName", "Bo", "LastName", "Unknown", "Company", "Not Provided"));
        db.jdbi().useTransaction(h -> intents.insertAll(h, List.of(
                new LeadIntent(bo.id(), Instant.now().minusSeconds(5), new LeadFields(null, "Bo", "Unknown",
                        "Not Provided")),
                new LeadIntent(cy.id(), opened, new LeadFields(null, "Cy", "Unknown", "Not Provided")))));
        String interrupted = createLeadDirectly(Map.of("FirstName", "Bo", "LastName", "Unknown",
                "Company", "Not Provided"));
        createLeadDirectly(Map.of("FirstName", "Cy", "LastName", "Unknown", "Company", "Not Provided"));

        LeadResults results = creator.create(salesforce, List.of(bo, cy), LeadOrigin.campaignSync());

        assertThat(results.adopted()).as("Cy's only match is older than Cy's intent").containsExactly(bo.id());
        assertThat(reload(bo.id()).sfdcId()).isIn(older, interrupted);
        assertThat(leadsWhere(Cond.eq("FirstName", "Bo"))).as("no Lead inserted for Bo").hasSize(2);
        assertThat(leadsWhere(Cond.eq("FirstName", "Cy"))).as("Cy's Lead inserted anew").hasSize(2);
        assertThat(reload(cy.id()).sfdcId()).isNotNull();
        assertThat(openIntents(bo.id())).isEmpty();
        assertThat(openIntents(cy.id())).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(SyncTestDatabase.Kind.class)
    void aRefusedLeadIsReportedWithSalesforcesErrorAndLeavesNoIntent(SyncTestDatabase.Kind kind) throws Exception {
        start(kind);
        Person longName = person("long@example.com", null, "L".repeat(81), "Acme");

        LeadResults results = creator.create(salesforce, List.of(longName), LeadOrigin.campaignSync());

        assertThat(results.failure(longName.id())).hasValueSatisfying(e ->
                assertThat(e.statusCode()).isEqualTo("STRING_TOO_LONG"));
        assertThat(reload(longName.id()).sfdcId()).isNull();
        assertThat(openIntents(longName.id())).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(SyncTestDatabase.Kind.class)
    void aCallRefusedAsAWholeKeepsTheIntentAndTheNextAttemptCreatesTheLeadOnce(SyncTestDatabase.Kind kind)
            throws Exception {
        start(kind);
        Person ann = person("ann@example.com", "Ann", "Ames", "Acme");
        emulator.control().addFault(FaultRule.once("JSON_PARSER_ERROR", 400, "POST", "composite/sobjects"));

        LeadResults stopped = creator.create(salesforce, List.of(ann), LeadOrigin.campaignSync());

        assertThat(stopped.stoppedBy()).isNotNull()
                .satisfies(e -> assertThat(e.errorCode()).isEqualTo("JSON_PARSER_ERROR"));
        assertThat(stopped.linked()).isEmpty();
        assertThat(openIntents(ann.id())).containsKey(ann.id());

        LeadResults next = creator.create(salesforce, List.of(reload(ann.id())), LeadOrigin.campaignSync());

        assertThat(next.adopted()).isEmpty();
        assertThat(leadsWhere(Cond.eq("Email", "ann@example.com"))).singleElement()
                .satisfies(lead -> assertThat(lead.id()).isEqualTo(reload(ann.id()).sfdcId()));
    }

    @ParameterizedTest
    @EnumSource(SyncTestDatabase.Kind.class)
    void aPersonLinkedSinceTheCallerReadThemComesBackAsLinkedWithoutASecondLead(SyncTestDatabase.Kind kind)
            throws Exception {
        start(kind);
        Person stale = person("dee@example.com", "Dee", "Dunn", "Acme");
        String leadId = createLeadDirectly(Map.of("Email", "dee@example.com", "LastName", "Dunn", "Company", "Acme"));
        db.jdbi().useTransaction(h -> people.linkToSalesforce(h, stale.id(), SfdcType.LEAD,
                leadId, Instant.now()));

        LeadResults results = creator.create(salesforce, List.of(stale), LeadOrigin.campaignSync());

        assertThat(results.linked(stale.id())).hasValueSatisfying(p -> assertThat(p.sfdcId()).isEqualTo(leadId));
        assertThat(results.created()).isEmpty();
        assertThat(leadsWhere(Cond.eq("Email", "dee@example.com"))).hasSize(1);
        assertThat(syncLeadActivities(stale.id())).isZero();
    }

    @ParameterizedTest
    @EnumSource(SyncTestDatabase.Kind.class)
    void peopleAlreadyInSalesforceAreLeftAlone(SyncTestDatabase.Kind kind) throws Exception {
        start(kind);
        String leadId = createLeadDirectly(Map.of("LastName", "Known", "Company", "Acme"));
        long id = db.jdbi().inTransaction(h -> people.insert(h, new PersonFields("known@example.com", null, "Known",
                "Acme", null, null, SfdcType.LEAD, leadId), Instant.now()));

        LeadResults results = creator.create(salesforce, List.of(reload(id)), LeadOrigin.campaignSync());

        assertThat(results.linked()).isEmpty();
        assertThat(leadsWhere(Cond.eq("LastName", "Known"))).hasSize(1);
        assertThat(syncLeadActivities(id)).isZero();
    }
}
