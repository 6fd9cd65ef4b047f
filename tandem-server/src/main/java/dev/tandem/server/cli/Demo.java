package dev.tandem.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.emulator.EmulatorConfig;
import dev.tandem.emulator.SalesforceEmulator;
import dev.tandem.server.TandemApp;
import dev.tandem.server.config.ApiClientSecret;
import dev.tandem.server.config.TandemConfig;
import dev.tandem.server.console.auth.ConsoleUsers;
import dev.tandem.server.console.auth.Passwords;
import dev.tandem.server.auth.SecretHasher;
import dev.tandem.server.sync.secrets.SecretKeySource;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The demo as a user first meets it: a Salesforce emulator, Tandem on an H2 file, both sides seeded, campaign sync
 * on with one program linked and in agreement, and a console login. {@link DemoCommand} runs it until Ctrl-C;
 * tests run {@link #start(Options)} in-process.
 */
public final class Demo {
    /** The console user the demo signs in as. */
    public static final String ADMIN = "admin";
    /** The API client the demo prints. */
    public static final String API_CLIENT_ID = "tandem-demo";

    private static final int EMULATOR_PORT_ATTEMPTS = 20;

    private Demo() {
    }

    /**
     * Where the demo runs.
     *
     * @param port         Tandem's HTTP port (0 = any free port)
     * @param dataDir      directory of the H2 database (created when missing)
     * @param emulatorPort preferred emulator port; the next free one is taken when busy (0 = any free port)
     */
    public record Options(int port, Path dataDir, int emulatorPort) {
    }

    /** A running demo; closing it stops Tandem, then the emulator. */
    public record Running(TandemApp app, SalesforceEmulator emulator, String adminPassword, ApiClientSecret apiClient,
                          DemoSeeder.Seeded seeded, DemoSync.Outcome sync) implements AutoCloseable {

        /** The console's address. */
        public URI consoleUri() {
            return app.baseUri();
        }

        @Override
        public void close() {
            try {
                app.close();
            } finally {
                emulator.close();
            }
        }
    }

    /** Starts everything and seeds it; the caller closes the result. */
    public static Running start(Options options) throws Exception {
        Files.createDirectories(options.dataDir());
        ObjectMapper json = new ObjectMapper();
        SalesforceEmulator emulator = startEmulator(options.emulatorPort());
        try {
            List<String> leadIds = leadIds(json.readTree(emulator.control().seed(DemoData.salesforceSeed(json))));
            ApiClientSecret apiClient = new ApiClientSecret(API_CLIENT_ID, Passwords.generate());
            TandemConfig defaults = TandemConfig.fromEnvironment(System.getenv());
            // Stored Salesforce credentials are encrypted with a key kept next to the demo's database.
            String key = Base64.getEncoder().encodeToString(SecretKeySource.resolve(
                    defaults.secretKey().orElse(null), options.dataDir()));
            TandemConfig config = new TandemConfig(options.port(), TandemConfig.h2Url(options.dataDir()),
                    TandemConfig.DEFAULT_DB_USER, "", Optional.of(key), Optional.of(apiClient),
                    defaults.accessTokenTtlSeconds(), defaults.timeZone(), options.dataDir());
            TandemApp app = ServedModules.addTo(TandemApp.builder(config)).build();
            try {
                String password = Passwords.generate();
                ConsoleUsers users = new ConsoleUsers(app.services().database().jdbi(), new SecretHasher(),
                        app.services().clock());
                if (users.exists(ADMIN)) {
                    users.setPassword(ADMIN, password);
                } else {
                    users.create(ADMIN, password);
                }
                app.start();
                DemoSeeder.Seeded seeded = new DemoSeeder(app.services()).seed(leadIds);
                long linkedProgram = app.services().programs().byName(DemoData.LINKED_PROGRAM).orElseThrow().id();
                DemoSync.Outcome sync = new DemoSync(app.baseUri(), apiClient, json)
                        .setUp(emulator.baseUrl(), linkedProgram);
                return new Running(app, emulator, password, apiClient, seeded, sync);
            } catch (Exception e) {
                app.close();
                throw e;
            }
        } catch (Exception e) {
            emulator.close();
            throw e;
        }
    }

    /** Prints what a user needs to try the demo. Shown once, on the terminal only (never logged). */
    static void printWelcome(Running demo, PrintWriter out) {
        out.println();
        out.println("Tandem demo is running.");
        out.println();
        out.println("  Console          " + demo.consoleUri());
        out.println("  Sign in as       " + ADMIN + " / " + demo.adminPassword());
        out.println("  REST API client  client_id=" + demo.apiClient().clientId() + " client_secret="
                + demo.apiClient().clientSecret());
        out.println("  Salesforce       emulator at " + demo.emulator().baseUrl() + " (client_id "
                + EmulatorConfig.CLIENT_ID + ", user integration@tandem.dev)");
        out.println("  Data             " + (demo.seeded().programsCreated() > 0
                ? "seeded " + demo.seeded().programsCreated() + " programs, " + demo.seeded().peopleCreated()
                + " people, " + demo.seeded().membershipsCreated() + " memberships"
                : "already seeded by an earlier run; nothing added"));
        out.println("  Campaign sync    on; program “" + demo.sync().linkedProgram() + "” is linked to campaign “"
                + demo.sync().linkedCampaign() + "”; first sync " + demo.sync().run());
        out.println("  Try              program “" + DemoData.MISMATCHED_PROGRAM + "” → Link… → “"
                + DemoData.MISMATCHED_CAMPAIGN + "” to see status matching");
        if (!demo.sync().staleLinksRemoved().isEmpty()) {
            out.println("  Note             the emulator starts afresh on every run; links to campaigns created in an"
                    + " earlier run were removed from: " + String.join(", ", demo.sync().staleLinksRemoved()));
        }
        out.println();
        out.println("The password is new on every start. Press Ctrl-C to stop.");
        out.flush();
    }

    private static SalesforceEmulator startEmulator(int preferredPort) {
        EmulatorConfig config = EmulatorConfig.defaults();
        if (preferredPort == 0) {
            return SalesforceEmulator.start(config);
        }
        RuntimeException last = null;
        for (int port = preferredPort; port < preferredPort + EMULATOR_PORT_ATTEMPTS && port <= 65535; port++) {
            try {
                return SalesforceEmulator.start(config.withPort(port));
            } catch (RuntimeException e) {
                last = e;
            }
        }
        throw new IllegalStateException("No free port for the Salesforce emulator from " + preferredPort + " to "
                + (preferredPort + EMULATOR_PORT_ATTEMPTS - 1), last);
    }

    // The seed answers with the new ids per object in input order; Leads were given in person order.
    private static List<String> leadIds(JsonNode created) {
        List<String> ids = new ArrayList<>();
        created.path("Lead").forEach(id -> ids.add(id.asText()));
        return ids;
    }
}
