package dev.tandem.server.store;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Databases created by an earlier release must upgrade in place: Flyway refuses a new migration whose version is
 * below one the database already applied, so a mis-numbered migration would stop every existing install.
 */
class SchemaUpgradeTest {

    private static final Pattern VERSION = Pattern.compile("^V(\\d+)__.+\\.sql$");

    @Test
    void releasedMigrationsAreAllStillPresentUnderTheirNames() throws Exception {
        assertThat(currentMigrations()).containsAll(releasedMigrations());
    }

    @Test
    void everyNewMigrationIsNumberedAboveTheLastReleasedOne() throws Exception {
        List<String> released = releasedMigrations();
        int highestReleased = released.stream().mapToInt(SchemaUpgradeTest::version).max().orElseThrow();
        List<String> added = currentMigrations().stream().filter(m -> !released.contains(m)).toList();

        assertThat(added).allSatisfy(m -> assertThat(version(m))
                .as("%s must be numbered above V%d, the last released migration", m, highestReleased)
                .isGreaterThan(highestReleased));
    }

    @Test
    void databaseAtTheReleasedSchemaWithDataUpgradesToTheCurrentOne() throws Exception {
        String url = "jdbc:h2:mem:upgrade-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
        int highestReleased = releasedMigrations().stream().mapToInt(SchemaUpgradeTest::version).max().orElseThrow();
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration")
                .target(String.valueOf(highestReleased)).load().migrate();
        Jdbi.create(url, "sa", "").useHandle(h -> h.execute(
                "INSERT INTO people (email, created_at, updated_at) VALUES ('kept@example.com', NOW(), NOW())"));

        try (Database upgraded = Database.open(url, "sa", "")) {
            List<Integer> applied = upgraded.jdbi().withHandle(h -> h.createQuery(
                    "SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"success\" AND \"type\" = 'SQL'")
                    .mapTo(String.class).stream().map(Integer::valueOf).sorted().toList());
            String kept = upgraded.jdbi().withHandle(h -> h.createQuery("SELECT email FROM people")
                    .mapTo(String.class).one());

            assertThat(applied).isEqualTo(currentMigrations().stream().map(SchemaUpgradeTest::version).sorted().toList());
            assertThat(kept).isEqualTo("kept@example.com");
        }
    }

    private static int version(String migration) {
        Matcher m = VERSION.matcher(migration);
        assertThat(m.matches()).as("migration file name %s", migration).isTrue();
        return Integer.parseInt(m.group(1));
    }

    private static List<String> releasedMigrations() throws IOException {
        try (InputStream in = SchemaUpgradeTest.class.getResourceAsStream("/db/released-migrations.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        }
    }

    private static List<String> currentMigrations() throws IOException, URISyntaxException {
        Path folder = Path.of(Database.class.getResource("/db/migration").toURI());
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".sql")).sorted().toList();
        }
    }
}
