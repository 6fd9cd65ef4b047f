package dev.tandem.server.console;

import dev.tandem.server.sync.settings.SyncSettingsService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import static org.assertj.core.api.Assertions.assertThat;

/** The settings page: sync settings, the write-only Salesforce connection and the diagnosis, in a real browser. */
class SettingsBrowserTest {
    private static ConsoleWithSalesforce server;
    private static Browser browser;

    @BeforeAll
    static void start() {
        server = new ConsoleWithSalesforce();
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
    void validSyncSettingsAreSaved() {
        browser.open("/settings");
        browser.fill(By.id("pollIntervalSeconds"), "45");
        browser.fill(By.id("defaultLeadCompany"), "Unknown Company Ltd");
        browser.clickAndWait(By.id("save-sync"));

        assertThat(browser.text(By.cssSelector(".flash-success"))).isEqualTo("Sync settings saved.");
        assertThat(browser.find(By.id("pollIntervalSeconds")).getAttribute("value")).isEqualTo("45");
        assertThat(settings().current().defaultLeadCompany()).isEqualTo("Unknown Company Ltd");
    }

    @Test
    void invalidSyncSettingsAreShownNextToTheirFieldsAndNothingIsSaved() {
        int pollBefore = settings().current().pollIntervalSeconds();
        browser.open("/settings");
        browser.fill(By.id("pollIntervalSeconds"), "soon");
        browser.fill(By.id("apiBudgetPercent"), "250");
        browser.find(By.id("defaultLeadLastName")).clear();
        browser.clickAndWait(By.id("save-sync"));

        assertThat(browser.text(By.id("pollIntervalSeconds-error"))).contains("must be a whole number from 1 to 86400");
        assertThat(browser.text(By.id("apiBudgetPercent-error"))).contains("from 1 to 100");
        assertThat(browser.text(By.id("defaultLeadLastName-error"))).contains("cannot be blank");
        assertThat(browser.find(By.id("pollIntervalSeconds")).getAttribute("value")).isEqualTo("soon");
        assertThat(browser.find(By.id("pollIntervalSeconds")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(settings().current().pollIntervalSeconds()).isEqualTo(pollBefore);
    }

    @Test
    void storedSecretsAreNeverSentBackToTheBrowser() {
        browser.open("/settings");

        assertThat(browser.driver().getPageSource()).doesNotContain("tandem-client-secret", "tandem-password");
        assertThat(browser.find(By.id("password")).getAttribute("value")).isEmpty();
        assertThat(browser.text(By.cssSelector("label[for=password]"))).contains("set");
    }

    @Test
    void anIncompleteConnectionIsRefusedFieldByField() {
        browser.open("/settings");
        browser.find(By.id("loginUrl")).clear();
        browser.fill(By.id("loginUrl"), "not a url");
        browser.find(By.id("clientId")).clear();
        browser.clickAndWait(By.id("save-connection"));

        assertThat(browser.text(By.id("loginUrl-error"))).contains("must be an http or https URL");
        assertThat(browser.text(By.id("clientId-error"))).contains("cannot be blank");
        browser.open("/settings");
        assertThat(browser.find(By.id("loginUrl")).getAttribute("value")).isEqualTo(server.emulator.baseUrl());
    }

    @Test
    void theDiagnosisShowsEveryPrerequisiteAndHowToFixAFailingOne() {
        server.emulator.control().setMarketingUser("integration@tandem.dev", false);
        try {
            browser.open("/settings");

            assertThat(browser.text(By.cssSelector("#diagnosis li[data-check='login']"))).startsWith("OK");
            String marketing = browser.text(By.cssSelector("#diagnosis li[data-check='marketing-user']"));
            assertThat(marketing).startsWith("Fix").contains("How to fix:");
        } finally {
            server.emulator.control().setMarketingUser("integration@tandem.dev", true);
        }
    }

    private static SyncSettingsService settings() {
        return new SyncSettingsService(server.app.services().database().jdbi(), server.app.services().clock());
    }
}
