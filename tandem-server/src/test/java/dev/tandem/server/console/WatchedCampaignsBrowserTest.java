package dev.tandem.server.console;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.server.automation.CampaignService;
import dev.tandem.server.automation.api.AutomationModule;
import dev.tandem.server.automation.model.SmartCampaign;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Watched campaigns on the sync health page: Salesforce campaigns that smart campaigns name without a linked
 * program, pulled from the emulator by a sync run started in the console, in a real browser.
 */
class WatchedCampaignsBrowserTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ConsoleWithSalesforce server;
    private static Browser browser;
    private static CampaignService campaigns;

    @BeforeAll
    static void start() {
        server = new ConsoleWithSalesforce(true);
        campaigns = server.app.module(AutomationModule.class).orElseThrow().campaigns();
        browser = new Browser(server.app.baseUri());
        browser.signIn(ConsoleWithSalesforce.USER, ConsoleWithSalesforce.PASSWORD);
        server.connect(browser);
        // Only the runs a test starts pull, so a test sees its campaign before the first pull reads it.
        browser.open("/settings");
        browser.fill(By.id("pollIntervalSeconds"), "86400");
        browser.clickAndWait(By.id("save-sync"));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        server.close();
    }

    private static SmartCampaign naming(String name, String campaignId) throws Exception {
        SmartCampaign campaign = campaigns.create(name, null, null);
        return campaigns.saveRules(campaign.id(), JSON.readTree("{\"filters\":[{\"type\":\"memberOfSfdcCampaign\","
                + "\"operator\":\"in\",\"campaigns\":[\"" + campaignId + "\"]}]}"));
    }

    private static String row(String campaignId) {
        return "#watched-campaigns tr[data-campaign='" + campaignId + "']";
    }

    @Test
    void givenASmartCampaignNamingAnUnlinkedCampaign_whenASyncRuns_thenItIsListedWithWhoNamesItMembersAndLastPull()
            throws Exception {
        String campaignId = server.salesforce.create("Campaign", List.of(Map.of("Name", "Partner Webinar"))).get(0).id();
        for (String lastName : List.of("Ames", "Bell")) {
            String lead = server.salesforce.create("Lead", List.of(Map.of("LastName", lastName, "Company", "Acme")))
                    .get(0).id();
            server.salesforce.create("CampaignMember", List.of(Map.of("CampaignId", campaignId, "LeadId", lead,
                    "Status", "Sent")));
        }
        SmartCampaign followUp = naming("Partner follow-up", campaignId);
        browser.open("/sync");
        assertThat(browser.text(By.cssSelector(row(campaignId) + " .state"))).startsWith("full read due");
        assertThat(browser.text(By.cssSelector(row(campaignId) + " .last-pulled"))).isEqualTo("—");
        assertThat(browser.text(By.cssSelector(row(campaignId) + " .campaign-name")))
                .as("no name is known before the full read").isEqualTo(campaignId);

        browser.clickAndWait(By.id("run-now"));

        assertThat(browser.text(By.cssSelector(row(campaignId) + " .named-by"))).isEqualTo("Partner follow-up");
        assertThat(browser.find(By.cssSelector(row(campaignId) + " .named-by a")).getAttribute("href"))
                .endsWith("/smart-campaigns/" + followUp.id());
        assertThat(browser.text(By.cssSelector(row(campaignId) + " .members"))).isEqualTo("2");
        assertThat(browser.text(By.cssSelector(row(campaignId) + " .last-pulled"))).endsWith("UTC");
        assertThat(browser.text(By.cssSelector(row(campaignId) + " .state"))).isEqualTo("pulled");
        assertThat(browser.text(By.cssSelector(row(campaignId) + " .campaign-name"))).isEqualTo("Partner Webinar");
    }

    @Test
    void givenACampaignSalesforceRefusesToRead_whenASyncRuns_thenItIsShownRefusedWithTheWayToRetry() throws Exception {
        String refused = "701000000000009ZZZ"; // the shape of an id, with a wrong checksum
        naming("Typo in the campaign id", refused);

        browser.open("/sync");
        browser.clickAndWait(By.id("run-now"));

        assertThat(browser.text(By.cssSelector(row(refused) + " .state"))).startsWith("refused since")
                .contains("retry it under Errors");
        assertThat(browser.text(By.cssSelector(row(refused) + " .named-by"))).isEqualTo("Typo in the campaign id");
        assertThat(browser.text(By.cssSelector(row(refused) + " .campaign-name"))).isEqualTo(refused);
    }
}
