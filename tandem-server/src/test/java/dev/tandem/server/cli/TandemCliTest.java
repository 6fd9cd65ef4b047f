package dev.tandem.server.cli;

import dev.tandem.server.TandemApp;
import dev.tandem.server.config.TandemConfig;
import dev.tandem.server.http.TestDatabases;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class TandemCliTest {

    private record Run(int exitCode, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = TandemCli.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    private static Map<String, String> keyValues(String out) {
        return Arrays.stream(out.split("\\R")).filter(line -> line.contains("="))
                .collect(Collectors.toMap(line -> line.substring(0, line.indexOf('=')), line -> line.substring(line.indexOf('=') + 1)));
    }

    @Test
    void apiClientCreatePrintsAnIdAndASecretThatObtainATokenOnce() {
        TestDatabases.TestDatabase db = TestDatabases.create(TestDatabases.Kind.POSTGRES);
        try {
            Run run = run("api-client", "create", "--name", "crm-integration", "--jdbc-url", db.url(), "--db-user", db.user());
            Map<String, String> printed = keyValues(run.out());

            TandemConfig config = TandemConfig.defaults().withHttpPort(0).withDatabase(db.url(), db.user(), db.password());
            try (TandemApp app = TandemApp.builder(config).build()) {
                assertThat(run.exitCode()).isZero();
                assertThat(app.services().accessTokens().issue(printed.get("client_id"), printed.get("client_secret"))).isPresent();
                String storedHash = app.services().database().jdbi().withHandle(h -> h.createQuery(
                        "SELECT secret_hash FROM api_clients").mapTo(String.class).one());
                assertThat(storedHash).doesNotContain(printed.get("client_secret"));
            }
        } finally {
            db.drop();
        }
    }

    @Test
    void apiClientCreateWithoutANameFailsNamingTheOption() {
        Run run = run("api-client", "create");

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.err()).contains("--name");
    }

    @Test
    void dbMigrateBringsAnEmptyDatabaseToTheLatestSchema() {
        TestDatabases.TestDatabase db = TestDatabases.create(TestDatabases.Kind.POSTGRES);
        try {
            Run run = run("db", "migrate", "--jdbc-url", db.url(), "--db-user", db.user());

            assertThat(run.exitCode()).isZero();
            assertThat(run.out()).contains("up to date");
            TandemConfig config = TandemConfig.defaults().withDatabase(db.url(), db.user(), db.password());
            try (TandemApp app = TandemApp.builder(config).build()) {
                Integer tokens = app.services().database().jdbi().withHandle(h -> h.createQuery(
                        "SELECT COUNT(*) FROM access_tokens").mapTo(Integer.class).one());
                assertThat(tokens).isZero();
            }
        } finally {
            db.drop();
        }
    }

    @Test
    void aFailingCommandPrintsOneLineNamingTheProblemInsteadOfAStackTrace() {
        Run run = run("db", "migrate", "--jdbc-url", "jdbc:postgresql://127.0.0.1:1/none", "--db-user", "nobody");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("tandem migrate: ").doesNotContain("\tat ");
    }

    @Test
    void helpListsEveryCommand() {
        Run run = run("--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("serve", "db", "api-client");
    }

    @Test
    void optionsOverrideTheEnvironment() {
        ConfigOptions options = new ConfigOptions();
        new CommandLine(options).parseArgs("--port", "9191", "--jdbc-url", "jdbc:h2:mem:x");

        TandemConfig config = options.resolve(Map.of("TANDEM_HTTP_PORT", "7070", "TANDEM_JDBC_URL", "jdbc:h2:mem:env",
                "TANDEM_DB_USER", "env-user"));

        assertThat(config.httpPort()).isEqualTo(9191);
        assertThat(config.jdbcUrl()).isEqualTo("jdbc:h2:mem:x");
        assertThat(config.dbUser()).isEqualTo("env-user");
    }

    @Test
    void theDataDirectoryOptionOverridesTheEnvironmentAndMovesTheDefaultDatabase() {
        ConfigOptions options = new ConfigOptions();
        new CommandLine(options).parseArgs("--data-dir", "/srv/tandem");

        TandemConfig config = options.resolve(Map.of("TANDEM_DATA_DIR", "/elsewhere"));

        assertThat(config.dataDir()).isEqualTo(java.nio.file.Path.of("/srv/tandem"));
        assertThat(config.jdbcUrl()).startsWith("jdbc:h2:file:/srv/tandem/tandem;");
    }
}
