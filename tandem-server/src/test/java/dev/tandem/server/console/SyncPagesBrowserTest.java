package dev.tandem.server.console;

import dev.tandem.core.membership.ChangeSource;
import dev.tandem.core.person.PersonFields;
import dev.tandem.core.program.Program;
import dev.tandem.core.program.ProgramType;
import dev.tandem.server.domain.membership.ChangeContext;
import dev.tandem.server.domain.people.LookupField;
import dev.tandem.server.domain.people.PersonInput;
import dev.tandem.server.domain.people.SyncAction;
import dev.tandem.server.domain.programs.NewProgram;
import dev.tandem.server.sync.cycle.CampaignSyncModule;
import dev.tandem.server.sync.link.LinkRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Sync health and the errors page with retry, against the emulator, in a real browser. */
class SyncPagesBrowserTest {
    private static ConsoleWithSalesforce server;
    private static Browser browser;
    private static Program program;

    @BeforeAll
    static void start() {
        server = new ConsoleWithSalesforce();
        browser = new Browser(server.app.baseUri());
        browser.signIn(ConsoleWithSalesforce.USER, ConsoleWithSalesforce.PASSWORD);
        server.connect(browser);
        program = server.app.services().programs().create(new NewProgram("Errors Webinar", null, ProgramType.EVENT,
                "Webinar", List.of()));
        server.app.module(CampaignSyncModule.class).orElseThrow().link().linkService()
                .link(program.id(), new LinkRequest(null, "Errors Webinar 2026"));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        server.close();
    }

    @Test
    void aRefusedRecordIsListedWithSalesforcesCodeAndGoesThroughOnRetryOnceFixed() {
        long person = person("x".repeat(100));
        server.app.services().memberships().changeStatus(program.id(), List.of(person), "Member",
                ChangeContext.of(ChangeSource.API, "test"));
        await().atMost(Duration.ofSeconds(30)).until(() -> openErrors() > 0);

        browser.open("/sync/errors");
        String row = browser.text(By.id("errors"));
        assertThat(row).contains("STRING_TOO_LONG", "push-leads", "Errors Webinar", "Person " + person);

        rename(person, "Short");
        browser.clickAndWait(By.cssSelector("#errors tr button.retry"));

        assertThat(browser.text(By.cssSelector(".flash-success"))).contains("Retried error", "0 errors remain open");
        assertThat(browser.text(By.id("no-errors"))).contains("No unresolved errors");
        assertThat(openErrors()).isZero();
        assertThat(server.memberStatuses(server.app.services().programs().get(program.id()).orElseThrow()
                .sfdcCampaignId())).contains("Member");
    }

    @Test
    void syncHealthShowsRunsWithChartsAndRunsACycleOnRequest() {
        browser.open("/sync");
        browser.clickAndWait(By.id("run-now"));

        assertThat(browser.text(By.cssSelector(".flash"))).startsWith("Sync run");
        assertThat(browser.findAll(By.cssSelector("#runs tbody tr"))).isNotEmpty();
        assertThat(browser.findAll(By.cssSelector("#changes-chart svg"))).hasSize(1);
        assertThat(browser.findAll(By.cssSelector("#calls-chart svg rect"))).isNotEmpty();
        assertThat(browser.text(By.id("per-operation"))).contains("push-members", "pull-members");
    }

    private static long person(String lastName) {
        return server.app.services().people().sync(SyncAction.CREATE_ONLY, LookupField.EMAIL, List.of(PersonInput.of(
                new PersonFields("retry" + System.nanoTime() + "@example.com", "Rita", lastName, "Acme", null, null,
                        null, null)))).get(0).id();
    }

    private static void rename(long person, String lastName) {
        server.app.services().people().sync(SyncAction.UPDATE_ONLY, LookupField.ID, List.of(new PersonInput(person,
                new PersonFields(null, null, lastName, null, null, null, null, null))));
    }

    private static long openErrors() {
        return server.app.services().database().jdbi().withHandle(h -> h.createQuery(
                "SELECT COUNT(*) FROM sync_errors WHERE resolved_at IS NULL").mapTo(Long.class).one());
    }
}
