package dev.tandem.server.console;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.core.automation.Recurrence;
import dev.tandem.core.person.PersonFields;
import dev.tandem.core.program.Program;
import dev.tandem.core.program.ProgramType;
import dev.tandem.server.TandemApp;
import dev.tandem.server.auth.SecretHasher;
import dev.tandem.server.automation.AutomationEngine;
import dev.tandem.server.automation.CampaignService;
import dev.tandem.server.automation.api.AutomationModule;
import dev.tandem.server.automation.model.SmartCampaign;
import dev.tandem.server.config.TandemConfig;
import dev.tandem.server.console.auth.ConsoleUsers;
import dev.tandem.server.domain.people.LookupField;
import dev.tandem.server.domain.people.PersonInput;
import dev.tandem.server.domain.people.SyncAction;
import dev.tandem.server.domain.programs.NewProgram;
import dev.tandem.server.http.MutableClock;
import dev.tandem.server.http.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Smart campaigns in the console, in a real browser: list, detail, activate and deactivate, the schedule and flow in
 * words (in the subscription time zone, Europe/Paris here) and the flow log with skip reasons.
 */
class SmartCampaignPagesBrowserTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final String REQUESTED = "{\"triggers\":[{\"type\":\"campaignRequested\","
            + "\"source\":\"Web Service API\"}]}";
    private static final String EVERYONE = "{\"filters\":[{\"type\":\"personAttribute\",\"attribute\":"
            + "\"lastName\",\"operator\":\"starts with\",\"values\":[\"L\"]}]}";

    private static TestDatabases.TestDatabase database;
    private static TandemApp app;
    private static Browser browser;
    private static CampaignService campaigns;
    private static SmartCampaign trigger;
    private static Program webinar;
    private static AutomationEngine engine;

    @BeforeAll
    static void start() throws Exception {
        database = TestDatabases.create(TestDatabases.Kind.H2);
        app = TandemApp.builder(TandemConfig.defaults().withHttpPort(0).withTimeZone(PARIS)
                        .withDatabase(database.url(), database.user(), database.password()))
                .clock(new MutableClock(Instant.parse("2026-11-28T10:00:00Z")))
                .module(services -> new AutomationModule(services, (h, ids) -> Map.of(), null, false))
                .build().start();
        new ConsoleUsers(app.services().database().jdbi(), new SecretHasher(1000), app.services().clock())
                .create("ops", "long enough password");
        campaigns = app.module(AutomationModule.class).orElseThrow().campaigns();
        engine = app.module(AutomationModule.class).orElseThrow().engine();
        webinar = app.services().programs().create(new NewProgram("Automation Webinar", null,
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

    @Test
    void givenAWeekdayRecurrence_thenTheScheduleReadsInWordsInTheSubscriptionZoneWithTheNextRun() throws Exception {
        SmartCampaign batch = batchCampaign("Weekday digest", "{\"steps\":[{\"action\":\"changeProgramStatus\","
                + "\"programId\":" + webinar.id() + ",\"status\":\"Registered\"}]}");
        // Tuesday 1 December 2026 at 09:00 in Paris, until the end of June.
        campaigns.recur(batch.id(), new Recurrence(Instant.parse("2026-12-01T08:00:00Z"),
                Recurrence.IntervalType.DAILY, 1, Instant.parse("2027-06-30T08:00:00Z"), true, null, null, null, null));

        browser.open("/smart-campaigns/" + batch.id());

        assertThat(browser.text(By.id("campaign-state"))).isEqualTo("recurring run");
        assertThat(browser.text(By.id("schedule-plan")))
                .isEqualTo("Every weekday at 09:00 Europe/Paris, from 2026-12-01 until 2027-06-30");
        assertThat(browser.text(By.id("next-run"))).isEqualTo("Tue 2026-12-01 09:00 Europe/Paris");
        assertThat(browser.findAll(By.id("toggle-campaign"))).as("batch campaigns are scheduled, not activated")
                .isEmpty();
    }

    @Test
    void givenAMonthlyRecurrenceOnTheSecondTuesday_thenThePlanNamesIt() throws Exception {
        SmartCampaign batch = batchCampaign("Monthly review", "{\"steps\":[{\"action\":\"changeProgramStatus\","
                + "\"programId\":" + webinar.id() + ",\"status\":\"Registered\"}]}");
        campaigns.recur(batch.id(), new Recurrence(Instant.parse("2026-12-01T07:30:00Z"),
                Recurrence.IntervalType.MONTHLY, 1, null, false, null, null, DayOfWeek.TUESDAY, 2));

        browser.open("/smart-campaigns/" + batch.id());

        assertThat(browser.text(By.id("schedule-plan")))
                .isEqualTo("Monthly on the 2nd Tuesday at 08:30 Europe/Paris, from 2026-12-01, with no end");
        assertThat(browser.text(By.id("next-run"))).isEqualTo("Tue 2026-12-08 08:30 Europe/Paris");
    }

    @Test
    void givenWaitStepsWithAnEndOnWindowAndADateToken_thenTheFlowIsDescribedInWords() throws Exception {
        SmartCampaign batch = batchCampaign("Event reminders", "{\"steps\":["
                + "{\"action\":\"wait\",\"duration\":\"36 hours\",\"endOn\":{\"days\":[\"Monday\","
                + "\"Tuesday\",\"Wednesday\",\"Thursday\",\"Friday\"],\"time\":\"09:00\"}},"
                + "{\"action\":\"wait\",\"untilToken\":\"{{my.Event Date}}\",\"offset\":\"1 day before\"},"
                + "{\"action\":\"changeProgramStatus\",\"programId\":" + webinar.id()
                + ",\"status\":\"Attended\"}]}");

        browser.open("/smart-campaigns/" + batch.id());

        assertThat(browser.text(By.cssSelector("#flow-words li[data-step='1']")))
                .isEqualTo("Wait 36 hours, ending Mon–Fri at 09:00 Europe/Paris");
        assertThat(browser.text(By.cssSelector("#flow-words li[data-step='2']")))
                .isEqualTo("Wait until {{my.Event Date}} minus 1 day");
        assertThat(browser.text(By.cssSelector("#flow-words li[data-step='3']")))
                .isEqualTo("Change status in program “Automation Webinar” to “Attended”");
        assertThat(browser.text(By.id("schedule-plan"))).isEqualTo("Not scheduled");
    }

    @Test
    void givenAStepSkippedForLackOfAToken_thenTheFlowLogShowsTheReasonPagedAndFilterable() throws Exception {
        SmartCampaign requested = campaigns.create("Requested with a status token", null, webinar.id());
        campaigns.saveRules(requested.id(), JSON.readTree(REQUESTED));
        campaigns.saveFlow(requested.id(), JSON.readTree("{\"steps\":["
                + "{\"action\":\"changeProgramStatus\",\"status\":\"{{my.Status}}\"},"
                + "{\"action\":\"changeProgramStatus\",\"status\":\"Registered\"}]}"));
        campaigns.activate(requested.id());
        List<Long> people = people(30);
        campaigns.request(requested.id(), people, null);
        engine.drain();

        browser.open("/smart-campaigns/" + requested.id() + "?outcome=skipped");

        List<WebElement> rows = browser.findAll(By.cssSelector("#flow-log-table tbody tr"));
        assertThat(rows).hasSize(SmartCampaignPages.LOG_PER_PAGE);
        assertThat(rows.get(0).findElement(By.cssSelector(".reason")).getText())
                .isEqualTo("{{my.Status}} has no value for status: neither the program's My Tokens nor the request "
                        + "define it");
        assertThat(rows.get(0).getText()).contains("Change Program Status", "skipped");
        assertThat(browser.text(By.cssSelector(".pager"))).contains("1–25 of 30 entries");

        browser.clickAndWait(By.cssSelector(".pager a[rel='next']"));

        assertThat(browser.path()).isEqualTo("/smart-campaigns/" + requested.id() + "?outcome=skipped&page=2");
        assertThat(browser.findAll(By.cssSelector("#flow-log-table tbody tr"))).hasSize(5);

        browser.open("/smart-campaigns/" + requested.id());
        assertThat(browser.text(By.cssSelector(".pager"))).as("skips and the second step's successes")
                .contains("of 60 entries");
    }

    private static SmartCampaign batchCampaign(String name, String flow) throws Exception {
        SmartCampaign batch = campaigns.create(name, null, webinar.id());
        campaigns.saveRules(batch.id(), JSON.readTree(EVERYONE));
        campaigns.saveFlow(batch.id(), JSON.readTree(flow));
        return batch;
    }

    private static List<Long> people(int count) {
        List<PersonInput> input = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            input.add(PersonInput.of(new PersonFields("skip" + i + "@example.com", "First" + i, "Last" + i, null,
                    null, null, null, null)));
        }
        return app.services().people().sync(SyncAction.CREATE_OR_UPDATE, LookupField.EMAIL, input).stream()
                .map(result -> result.id()).toList();
    }
}
