package dev.tandem.server.domain.people;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.core.person.PersonFields;
import dev.tandem.core.person.SfdcType;
import dev.tandem.server.domain.activity.ActivityLog;
import dev.tandem.server.sync.SyncTestDatabase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Two transactions resolving the same new Salesforce Lead at the same moment (two pulls, or a pull and the initial
 * reconcile), on PostgreSQL and H2: the second waits on the first's uncommitted person, then adopts it once committed.
 */
class FindOrCreateBySalesforceRaceTest {

    private static final String LEAD = "00Q000000000RACEAA";

    private final ExecutorService threads = Executors.newFixedThreadPool(2);
    private SyncTestDatabase.Kind kind;
    private SyncTestDatabase db;
    private PeopleService people;

    private void start(SyncTestDatabase.Kind kind) {
        this.kind = kind;
        db = SyncTestDatabase.open(kind);
        people = new PeopleService(db.jdbi(), new ActivityLog(db.jdbi()), Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        threads.shutdownNow();
        if (db != null) {
            db.close();
        }
    }

    private static PersonFields lead(String email) {
        return new PersonFields(email, "Rae", "Race", "Acme", null, null, SfdcType.LEAD, LEAD);
    }

    @ParameterizedTest
    @EnumSource(SyncTestDatabase.Kind.class)
    void twoTransactionsResolvingTheSameUnknownLeadMakeOnePersonWithoutError(SyncTestDatabase.Kind kind) throws Exception {
        start(kind);

        Race race = race(lead("rae@example.com"), () -> { });

        assertThat(race.second().get(30, TimeUnit.SECONDS)).isEqualTo(race.first().get(30, TimeUnit.SECONDS));
        assertThat(count("SELECT COUNT(*) FROM people WHERE sfdc_id = '" + LEAD + "'")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM activities WHERE type_id = 12")).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(SyncTestDatabase.Kind.class)
    void aTransactionLinkingAnotherPersonByEmailToALeadTakenMeanwhileAdoptsThePersonThatTookIt(SyncTestDatabase.Kind kind) throws Exception {
        start(kind);

        // While the first transaction's new person is uncommitted, someone else stores an unlinked person with the
        // same email: the second transaction cannot see the first's person and links this one by email instead.
        Race race = race(lead("same@example.com"), () -> db.jdbi().useHandle(h -> h.execute(
                "INSERT INTO people (email, email_key, created_at, updated_at, sfdc_is_deleted) "
                        + "VALUES ('same@example.com', 'same@example.com', ?, ?, FALSE)", Instant.now(), Instant.now())));

        long first = race.first().get(30, TimeUnit.SECONDS);
        assertThat(race.second().get(30, TimeUnit.SECONDS)).isEqualTo(first);
        assertThat(count("SELECT COUNT(*) FROM people WHERE sfdc_id = '" + LEAD + "'")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM people WHERE sfdc_id IS NULL AND email = 'same@example.com'"))
                .as("the person stored meanwhile stays unlinked").isEqualTo(1);
    }

    /** The person id each of the two racing transactions resolved. */
    private record Race(Future<Long> first, Future<Long> second) {
    }

    /**
     * The first transaction resolves the Lead and holds its commit; {@code meanwhile} runs; the second transaction
     * resolves the same Lead and is seen blocked on the first's uncommitted row; then the first commits.
     */
    private Race race(PersonFields fields, Runnable meanwhile) {
        CountDownLatch firstResolved = new CountDownLatch(1);
        CountDownLatch firstMayCommit = new CountDownLatch(1);
        Future<Long> first = threads.submit(() -> db.jdbi().inTransaction(tx -> {
            long id = people.findOrCreateBySalesforce(tx, SfdcType.LEAD, LEAD, fields).person().id();
            firstResolved.countDown();
            awaitLatch(firstMayCommit);
            return id;
        }));
        awaitLatch(firstResolved);
        meanwhile.run();
        String name = "race-" + UUID.randomUUID();
        Future<Long> second = threads.submit(() -> db.jdbi().inTransaction(tx -> {
            if (kind == SyncTestDatabase.Kind.POSTGRES) {
                tx.execute("SET application_name = '" + name + "'");
            }
            return people.findOrCreateBySalesforce(tx, SfdcType.LEAD, LEAD, fields).person().id();
        }));
        try {
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> waitingOnALock(name));
        } finally {
            firstMayCommit.countDown();
        }
        return new Race(first, second);
    }

    private boolean waitingOnALock(String applicationName) {
        if (kind == SyncTestDatabase.Kind.H2) {
            // H2 reports no blocker for row locks; the database is this test's own, and a write to people still
            // executing can only be the second transaction's, waiting for the first one's uncommitted person.
            return db.read(h -> h.createQuery("SELECT COUNT(*) FROM information_schema.sessions "
                    + "WHERE executing_statement LIKE 'INSERT INTO people %' "
                    + "OR executing_statement LIKE 'UPDATE people %'").mapTo(Long.class).one()) > 0;
        }
        return db.read(h -> h.createQuery("SELECT COUNT(*) FROM pg_stat_activity WHERE application_name = :name "
                + "AND wait_event_type = 'Lock'").bind("name", applicationName).mapTo(Long.class).one()) > 0;
    }

    private long count(String sql) {
        return db.read((Handle h) -> h.createQuery(sql).mapTo(Long.class).one());
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the other transaction never got there");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
