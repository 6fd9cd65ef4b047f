package dev.tandem.server.console;

import dev.tandem.core.program.Program;
import dev.tandem.core.program.PeriodCost;
import dev.tandem.core.program.ProgramType;
import dev.tandem.salesforce.query.SObject;
import dev.tandem.server.domain.programs.NewProgram;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Linking programs to Salesforce campaigns from the console, against the emulator, in a real browser. */
class SalesforceLinkBrowserTest {
    private static final String LEGACY_CAMPAIGN = "Legacy Roadshow";

    private static ConsoleWithSalesforce server;
    private static Browser browser;

    @BeforeAll
    static void start() {
        server = new ConsoleWithSalesforce();
        server.emulator.control().seed("""
                {"Lead": [
                   {"attributes": {"referenceId": "a"}, "LastName": "Ames", "Company": "Acme"},
                   {"attributes": {"referenceId": "b"}, "LastName": "Bell", "Company": "Acme"},
                   {"attributes": {"referenceId": "c"}, "LastName": "Cruz", "Company": "Acme"}],
                 "Campaign": [{"attributes": {"referenceId": "legacy"}, "Name": "Legacy Roadshow", "Type": "Seminar"}],
                 "CampaignMemberStatus": [
                   {"CampaignId": "@{legacy}", "Label": "Registered", "SortOrder": 3},
                   {"CampaignId": "@{legacy}", "Label": "Attended - Virtual", "SortOrder": 4, "HasResponded": true}],
                 "CampaignMember": [
                   {"CampaignId": "@{legacy}", "LeadId": "@{a}", "Status": "Registered"},
                   {"CampaignId": "@{legacy}", "LeadId": "@{b}", "Status": "Attended - Virtual"},
                   {"CampaignId": "@{legacy}", "LeadId": "@{c}", "Status": "Attended - Virtual"}]}
                """);
        browser = new Browser(server.app.baseUri());
        browser.signIn(ConsoleWithSalesforce.USER, ConsoleWithSalesforce.PASSWORD);
        server.connect(browser);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        server.close();
    }

    @Test
    void aProgramIsLinkedToANewCampaignCreatedFromTheDialog() {
        Program program = program("Console Webinar", ProgramType.EVENT, "Webinar",
                List.of(new PeriodCost(YearMonth.of(2026, 6), 1500, null)));
        browser.open("/programs/" + program.id());

        browser.clickAndWait(By.id("open-link-dialog"));
        assertThat(browser.find(By.id("link-dialog")).isDisplayed()).isTrue();
        browser.fill(By.id("new-campaign-name"), "Console Webinar 2026");
        browser.clickAndWait(By.id("create-campaign"));

        assertThat(browser.text(By.cssSelector(".flash-success"))).contains("Linked to Salesforce campaign");
        assertThat(browser.text(By.id("linked-campaign"))).isEqualTo("Console Webinar 2026");
        String campaignId = server.app.services().programs().get(program.id()).orElseThrow().sfdcCampaignId();
        SObject campaign = server.campaign(campaignId);
        assertThat(campaign.getString("Type")).isEqualTo("Webinar");
        assertThat(campaign.getDecimal("ActualCost")).isEqualByComparingTo(new BigDecimal(1500));
        assertThat(server.statusLabels(campaignId))
                .containsExactly("Member", "Registered", "No Show", "Attended", "Attended On-Demand");
    }

    @Test
    void anIncompatibleCampaignShowsItsOffendingStatusesAndLinksOnceThemAreMatched() {
        Program program = program("Roadshow Munich", ProgramType.EVENT, "Seminar", List.of());
        browser.open("/programs/" + program.id());
        browser.clickAndWait(By.id("open-link-dialog"));
        browser.fill(By.id("campaign-search"), "legacy");
        browser.clickAndWait(By.cssSelector("#link-dialog form.search button"));
        assertThat(browser.text(By.id("campaigns"))).contains(LEGACY_CAMPAIGN);

        browser.clickAndWait(By.cssSelector("#campaigns a.pick"));

        assertThat(browser.text(By.id("offending"))).contains("cannot be linked yet", "Attended - Virtual: 2 members")
                .doesNotContain("Registered:");
        new Select(browser.find(By.cssSelector("select[data-from='Attended - Virtual']"))).selectByValue("Attended");
        browser.clickAndWait(By.id("match-statuses"));

        assertThat(browser.text(By.cssSelector(".flash-success"))).contains("Matched statuses: moved 2 members",
                "Linked to Salesforce campaign “Legacy Roadshow”");
        assertThat(browser.text(By.id("linked-campaign"))).isEqualTo(LEGACY_CAMPAIGN);
        String campaignId = server.app.services().programs().get(program.id()).orElseThrow().sfdcCampaignId();
        assertThat(server.memberStatuses(campaignId)).containsExactlyInAnyOrder("Registered", "Attended", "Attended");
        assertThat(server.statusLabels(campaignId)).doesNotContain("Attended - Virtual")
                .contains("Member", "Registered", "No Show", "Attended");
    }

    @Test
    void unlinkingStopsTheSyncAndKeepsTheCampaign() {
        Program program = program("Short-lived Link", ProgramType.DEFAULT, "Web", List.of());
        browser.open("/programs/" + program.id() + "?link=open");
        browser.fill(By.id("new-campaign-name"), "Kept Campaign");
        browser.clickAndWait(By.id("create-campaign"));
        String campaignId = server.app.services().programs().get(program.id()).orElseThrow().sfdcCampaignId();

        WebElement page = browser.find(By.tagName("html"));
        browser.find(By.id("unlink")).click();
        assertThat(browser.driver().switchTo().alert().getText()).contains("nothing is deleted on either side");
        browser.driver().switchTo().alert().accept();
        browser.waitForNewPage(page);

        assertThat(browser.text(By.cssSelector(".flash-success"))).contains("Unlinked", "Nothing was deleted");
        assertThat(browser.findAll(By.id("linked-campaign"))).isEmpty();
        assertThat(server.app.services().programs().get(program.id()).orElseThrow().isLinked()).isFalse();
        assertThat(server.campaign(campaignId).getString("Name")).isEqualTo("Kept Campaign");
    }

    private static Program program(String name, ProgramType type, String channel, List<PeriodCost> costs) {
        return server.app.services().programs().create(new NewProgram(name, null, type, channel, costs));
    }
}
