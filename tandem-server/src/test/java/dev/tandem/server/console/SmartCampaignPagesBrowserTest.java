package dev.tandem.server.console;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.core.program.Program;
import dev.tandem.core.program.ProgramType;
import dev.tandem.server.TandemApp;
import dev.tandem.server.auth.SecretHasher;
import dev.tandem.server.automation.CampaignService;
import dev.tandem.server.automation.api.AutomationModule;
import dev.tandem.server.automation.model.SmartCampaign;
import dev.tandem.server.config.TandemConfig;
import dev.tandem.server.console.auth.ConsoleUsers;
import dev.tandem.server.domain.programs.NewProgram;
import dev.tandem.server.http.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Smart campaigns in the console: list, detail, activate and deactivate, in a real browser. */
class SmartCampaignPagesBrowserTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static TestDatabases.TestDatabase database;
    private static TandemApp app;
    private static Browser browser;
    private static CampaignService campaigns;
    private static SmartCampaign trigger;

    @BeforeAll
    static void start() throws Exception {
        database = TestDatabases.create(TestDatabases.Kind.H2);
        app = TandemApp.builder(TandemConfig.defaults().withHttpPort(0)
                        .withDatabase(database.url(), database.user(), database.password()))
                .module(services -> new AutomationModule(services, (h, ids) -> Map.of(), null, false))
                .build().start();
        new ConsoleUsers(app.services().database().jdbi(), new SecretHasher(1000), app.services().clock())
                .create("ops", "long enough password");
        campaigns = app.module(AutomationModule.class).orElseThrow().campaigns();
        Program webinar = app.services().programs().create(new NewProgram("Automation Webinar", null,
                ProgramType.EVENT, "Webinar", List.of()));
        trigger = campaigns.create("Welcome attendees", "Moves attendees on", webinar.id());
        campaigns.saveRules(trigger.id(), JSON.readTree("{\"triggers\":[{\"type\":\"programStatusChanged\","
                + "\"programId\":" + webinar.id() + ",\"newStatus\":{\"operator\":\"is\",\"values\":[\"Attended\"]}}]}"));
        campaigns.saveFlow(trigger.id(), JSON.readTree("{\"steps\":[{\"action\":\"changeProgramStatus\","
                + "\"programId\":" + webinar.id() + ",\"status\":\"Attended On-Demand\"}]}"));
        browser = new Browser(app.baseUri());
        browser.signIn("ops", "long enough password");
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        app.close();
        database.drop();
    }

    @Test
    void aBatchCampaignCannotBeActivatedAndTheConsoleSaysWhy() {
        SmartCampaign batch = campaigns.create("Monthly clean-up", null, null);
        browser.open("/smart-campaigns/" + batch.id());

        browser.clickAndWait(By.id("toggle-campaign"));

        assertThat(browser.text(By.cssSelector(".flash-error"))).contains("only trigger campaigns are activated");
        assertThat(browser.text(By.id("campaign-state"))).isEqualTo("inactive");
    }

    @Test
    void theListShowsEachCampaignWithItsProgramAndState() {
        browser.open("/smart-campaigns");

        String row = browser.text(By.cssSelector("#smart-campaigns tr[data-campaign='" + trigger.id() + "']"));
        assertThat(row).contains("Welcome attendees", "Automation Webinar");
    }

    @Test
    void aTriggerCampaignIsActivatedAndDeactivatedFromItsPage() {
        browser.open("/smart-campaigns/" + trigger.id());
        assertThat(browser.text(By.cssSelector("pre.doc"))).contains("programStatusChanged", "Attended");

        browser.clickAndWait(By.id("toggle-campaign"));
        assertThat(browser.text(By.cssSelector(".flash-success"))).contains("is now active");
        assertThat(browser.text(By.id("campaign-state"))).isEqualTo("active");
        assertThat(campaigns.get(trigger.id()).orElseThrow().active()).isTrue();

        browser.clickAndWait(By.id("toggle-campaign"));
        assertThat(browser.text(By.id("campaign-state"))).isEqualTo("inactive");
        assertThat(campaigns.get(trigger.id()).orElseThrow().active()).isFalse();
    }
}
