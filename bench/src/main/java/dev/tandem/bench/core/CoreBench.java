package dev.tandem.bench.core;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import dev.tandem.core.membership.ChangeSource;
import dev.tandem.core.person.Person;
import dev.tandem.core.person.PersonFields;
import dev.tandem.core.program.Program;
import dev.tandem.core.program.ProgramType;
import dev.tandem.server.domain.activity.ActivityLog;
import dev.tandem.server.domain.membership.MemberResult;
import dev.tandem.server.domain.membership.MembershipService;
import dev.tandem.server.domain.people.LookupField;
import dev.tandem.server.domain.people.PeopleService;
import dev.tandem.server.domain.people.PersonInput;
import dev.tandem.server.domain.people.PersonResult;
import dev.tandem.server.domain.people.SyncAction;
import dev.tandem.server.domain.programs.NewProgram;
import dev.tandem.server.domain.programs.ProgramService;
import dev.tandem.server.store.Database;
import dev.tandem.server.store.Page;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;

/**
 * Service-layer throughput of the core: creating people, adding them to a program and moving their status,
 * in batches of 300 as the REST API calls the services, on embedded H2 and on PostgreSQL. Only one batch is
 * held at a time, so the heap stays bounded whatever the count (run it with a small -Xmx to see that).
 *
 * <p>Arguments: {@code [count] [backends]}, e.g. {@code 100000 h2,postgresql} (the defaults).
 */
public final class CoreBench {

    private static final int BATCH = 300;
    private static final String PG_URL = "jdbc:postgresql://127.0.0.1:5432/test";

    private CoreBench() {
    }

    public static void main(String[] args) throws Exception {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        String[] backends = (args.length > 1 ? args[1] : "h2,postgresql").split(",");
        System.out.printf(Locale.ROOT, "Core bench: %,d records per phase, batches of %d, max heap %d MiB, %d CPUs%n",
                count, BATCH, Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors());
        System.out.println("| backend | phase | records | wall s | records/s (wall) | bench JVM CPU s | records per JVM CPU s "
                + "| heap retained after phase (MiB) |");
        System.out.println("|---|---|---:|---:|---:|---:|---:|---:|");
        for (String backend : backends) {
            run(backend.trim(), count);
        }
    }

    private static void run(String backend, int count) throws IOException, SQLException {
        Path h2Dir = null;
        String schema = null;
        Database database;
        if (backend.equals("h2")) {
            h2Dir = Files.createTempDirectory("tandem-bench");
            database = Database.open("jdbc:h2:file:" + h2Dir.resolve("tandem")
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH", "sa", "");
        } else if (backend.equals("postgresql")) {
            schema = "bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            execute("CREATE SCHEMA " + schema);
            database = Database.open(PG_URL + "?currentSchema=" + schema, "postgres", "");
        } else {
            throw new IllegalArgumentException("backend: expected h2 or postgresql, got " + backend);
        }
        try (database) {
            Clock clock = Clock.systemUTC();
            ActivityLog log = new ActivityLog(database.jdbi());
            PeopleService people = new PeopleService(database.jdbi(), log, clock);
            MembershipService memberships = new MembershipService(database.jdbi(), log, clock);
            Program program = new ProgramService(database.jdbi(), clock)
                    .create(new NewProgram("Bench Webinar", null, ProgramType.EVENT, "Webinar", null));

            long start = System.nanoTime();
            long cpu = cpuNanos();
            for (int from = 0; from < count; from += BATCH) {
                List<PersonInput> batch = new ArrayList<>(BATCH);
                for (int i = from; i < Math.min(count, from + BATCH); i++) {
                    batch.add(PersonInput.of(new PersonFields("person" + i + "@bench.example", "First" + i,
                            "Last" + i, "Company " + (i % 997), null, null, null, null)));
                }
                for (PersonResult result : people.sync(SyncAction.CREATE_ONLY, LookupField.EMAIL, batch)) {
                    require(result.status() == PersonResult.Status.CREATED, "person not created: " + result);
                }
            }
            report(backend, "create people (+ activity 12)", count, start, cpu);

            start = System.nanoTime();
            cpu = cpuNanos();
            int added = forEachPage(people, ids -> memberships.changeStatus(program.id(), ids, "Member",
                    ChangeSource.API, null), MemberResult.Status.CREATED);
            report(backend, "add members (+ activity 104)", added, start, cpu);

            start = System.nanoTime();
            cpu = cpuNanos();
            int moved = forEachPage(people, ids -> memberships.changeStatus(program.id(), ids, "Registered",
                    ChangeSource.API, null), MemberResult.Status.UPDATED);
            report(backend, "change member status (+ activity 104)", moved, start, cpu);
        } finally {
            if (schema != null) {
                execute("DROP SCHEMA " + schema + " CASCADE");
            }
            if (h2Dir != null) {
                try (var files = Files.walk(h2Dir)) {
                    files.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
                }
            }
        }
    }

    /** Walks all people a page at a time (keyset paging) and applies the change to each page. */
    private static int forEachPage(PeopleService people, Function<List<Long>, List<MemberResult>> change,
                                   MemberResult.Status expected) {
        int done = 0;
        String token = null;
        do {
            Page<Person> page = people.all(BATCH, token);
            List<Long> ids = page.items().stream().map(Person::id).toList();
            for (MemberResult result : change.apply(ids)) {
                require(result.status() == expected, "unexpected member result: " + result);
                done++;
            }
            token = page.nextPageToken();
        } while (token != null);
        return done;
    }

    private static void report(String backend, String phase, int records, long startNanos, long startCpuNanos) {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        double cpuSeconds = (cpuNanos() - startCpuNanos) / 1e9;
        System.out.printf(Locale.ROOT, "| %s | %s | %,d | %.1f | %,.0f | %.1f | %,.0f | %d |%n", backend, phase, records,
                seconds, records / seconds, cpuSeconds, records / cpuSeconds, retainedHeapMiB());
    }

    /**
     * CPU time of this JVM (all threads, GC included): on a shared machine it shows the client-side cost that
     * wall time hides. With H2 it includes the database; with PostgreSQL the server's CPU is not counted.
     */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** Heap still in use after a full collection: what the phase kept alive (H2's page cache included). */
    private static long retainedHeapMiB() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(PG_URL, "postgres", "")) {
            connection.createStatement().execute(sql);
        }
    }
}
