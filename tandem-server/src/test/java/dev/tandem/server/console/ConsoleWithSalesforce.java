package dev.tandem.server.console;

import dev.tandem.emulator.EmulatorConfig;
import dev.tandem.emulator.SalesforceEmulator;
import dev.tandem.salesforce.SalesforceClient;
import dev.tandem.salesforce.SalesforceConfig;
import dev.tandem.salesforce.query.Cond;
import dev.tandem.salesforce.query.SObject;
import dev.tandem.salesforce.query.Soql;
import dev.tandem.server.TandemApp;
import dev.tandem.server.auth.SecretHasher;
import dev.tandem.server.automation.api.AutomationModule;
import dev.tandem.server.config.TandemConfig;
import dev.tandem.server.console.auth.ConsoleUsers;
import dev.tandem.server.http.TestDatabases;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Tandem with its console next to a Salesforce emulator, both over real HTTP, with a console user; the connection
 * to the emulator is saved through the settings service as an administrator would.
 */
final class ConsoleWithSalesforce implements AutoCloseable {
    static final String USER = "ops.lead";
    static final String PASSWORD = "long enough password";

    final SalesforceEmulator emulator;
    final SalesforceClient salesforce;
    final TandemApp app;
    private final TestDatabases.TestDatabase database;

    ConsoleWithSalesforce() {
        this(false);
    }

    /**
     * @param withAutomation whether the server also runs smart campaigns (with Salesforce flow actions; the worker
     *                       runs only when driven, see {@link AutomationModule#engine()})
     */
    ConsoleWithSalesforce(boolean withAutomation) {
        this.emulator = SalesforceEmulator.start(EmulatorConfig.defaults());
        this.salesforce = SalesforceClient.connect(SalesforceConfig.builder(emulator.baseUrl())
                .password(EmulatorConfig.CLIENT_ID, EmulatorConfig.CLIENT_SECRET, "integration@tandem.dev",
                        "tandem-password").build());
        this.database = TestDatabases.create(TestDatabases.Kind.H2);
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        TandemConfig config = new TandemConfig(0, database.url(), database.user(), database.password(),
                Optional.of(Base64.getEncoder().encodeToString(key)), Optional.empty(),
                TandemConfig.DEFAULT_TOKEN_TTL_SECONDS);
        TandemApp.Builder builder = TandemApp.builder(config);
        if (withAutomation) {
            builder.module(services -> AutomationModule.withSalesforce(services, false));
        }
        this.app = builder.build().start();
        new ConsoleUsers(app.services().database().jdbi(), new SecretHasher(1000), app.services().clock())
                .create(USER, PASSWORD);
    }

    /** Saves the connection to the emulator as the Marketing User and switches campaign sync on. */
    void connect(Browser browser) {
        browser.open("/settings");
        browser.fill(By.id("loginUrl"), emulator.baseUrl());
        new Select(browser.find(By.id("authMode")))
                .selectByValue("PASSWORD");
        browser.fill(By.id("clientId"), EmulatorConfig.CLIENT_ID);
        browser.fill(By.id("username"), "integration@tandem.dev");
        browser.fill(By.id("clientSecret"), EmulatorConfig.CLIENT_SECRET);
        browser.fill(By.id("password"), "tandem-password");
        browser.clickAndWait(By.id("save-connection"));
        if (!browser.find(By.id("campaignSyncEnabled")).isSelected()) {
            browser.find(By.id("campaignSyncEnabled")).click();
            browser.clickAndWait(By.id("save-sync"));
        }
    }

    /** The campaign as Salesforce holds it. */
    SObject campaign(String campaignId) {
        return salesforce.stream(Soql.select("Id", "Name", "Type", "ActualCost").from("Campaign")
                .where(Cond.eq("Id", campaignId)).build()).findFirst().orElseThrow();
    }

    /** The campaign's member statuses in sort order. */
    List<String> statusLabels(String campaignId) {
        return salesforce.stream(Soql.select("Label", "SortOrder").from("CampaignMemberStatus")
                .where(Cond.eq("CampaignId", campaignId)).orderBy("SortOrder").build())
                .map(s -> s.getString("Label")).toList();
    }

    /** The Status of each of the campaign's members. */
    List<String> memberStatuses(String campaignId) {
        return salesforce.stream(Soql.select("Id", "Status").from("CampaignMember")
                .where(Cond.eq("CampaignId", campaignId)).build()).map(s -> s.getString("Status")).toList();
    }

    @Override
    public void close() {
        try {
            app.close();
        } finally {
            database.drop();
            emulator.close();
        }
    }
}
