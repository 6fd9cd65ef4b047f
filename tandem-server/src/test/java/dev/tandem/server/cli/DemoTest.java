package dev.tandem.server.cli;

import dev.tandem.core.program.Program;
import dev.tandem.server.TandemApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code tandem demo} boots, seeds both sides, serves the console, and a second boot adds nothing. */
class DemoTest {
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    @TempDir
    Path dataDir;

    @Test
    void theDemoSeedsBothSidesLinksOneProgramAndServesTheConsoleToItsPrintedLogin() throws Exception {
        try (Demo.Running demo = Demo.start(new Demo.Options(0, dataDir, 0))) {
            assertThat(demo.seeded()).isEqualTo(new DemoSeeder.Seeded(DemoData.PEOPLE, DemoData.programs().size(),
                    DemoData.programs().stream().mapToInt(p -> p.members().size()).sum()));
            Program linked = demo.app().services().programs().byName(DemoData.LINKED_PROGRAM).orElseThrow();
            assertThat(linked.sfdcCampaignName()).isEqualTo(DemoData.LINKED_CAMPAIGN);
            assertThat(demo.sync().run()).contains("completed");
            // Both sides agree: the members only Salesforce had were brought over.
            assertThat(demo.app().services().memberships().statusCounts(linked.id()).values().stream()
                    .mapToLong(Long::longValue).sum())
                    .isEqualTo(DemoData.programs().get(0).members().size() + DemoData.SALESFORCE_ONLY_MEMBERS);

            HttpResponse<String> page = signedInGet(demo.consoleUri(), demo.adminPassword(), "/programs");

            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains(DemoData.LINKED_PROGRAM, DemoData.MISMATCHED_PROGRAM);
        }
    }

    @Test
    void aSecondBootOnTheSameDataDirectoryDuplicatesNothingAndKeepsTheLink() throws Exception {
        Counts first;
        try (Demo.Running demo = Demo.start(new Demo.Options(0, dataDir, 0))) {
            first = counts(demo.app());
        }

        try (Demo.Running again = Demo.start(new Demo.Options(0, dataDir, 0))) {
            assertThat(again.seeded()).isEqualTo(new DemoSeeder.Seeded(0, 0, 0));
            assertThat(counts(again.app())).isEqualTo(first);
            assertThat(again.sync().staleLinksRemoved()).isEmpty();
            assertThat(again.app().services().programs().byName(DemoData.LINKED_PROGRAM).orElseThrow().isLinked())
                    .isTrue();
            assertThat(signedInGet(again.consoleUri(), again.adminPassword(), "/").body()).contains("Dashboard");
        }
    }

    private record Counts(long people, long programs, long memberships, long consoleUsers) {
    }

    private static Counts counts(TandemApp app) {
        return app.services().database().jdbi().withHandle(h -> new Counts(
                h.createQuery("SELECT COUNT(*) FROM people").mapTo(Long.class).one(),
                h.createQuery("SELECT COUNT(*) FROM programs").mapTo(Long.class).one(),
                h.createQuery("SELECT COUNT(*) FROM memberships").mapTo(Long.class).one(),
                h.createQuery("SELECT COUNT(*) FROM console_users").mapTo(Long.class).one()));
    }

    // Signs in through the form like a browser (cookies, CSRF field) and fetches a page.
    private static HttpResponse<String> signedInGet(URI base, String password, String path)
            throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String form = http.send(HttpRequest.newBuilder(base.resolve("/login")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = CSRF.matcher(form);
        assertThat(csrf.find()).isTrue();
        String body = "csrf=" + encode(csrf.group(1)) + "&username=" + Demo.ADMIN + "&password=" + encode(password)
                + "&next=/";
        HttpResponse<String> signIn = http.send(HttpRequest.newBuilder(base.resolve("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signIn.statusCode()).isEqualTo(303);
        return http.send(HttpRequest.newBuilder(base.resolve(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
