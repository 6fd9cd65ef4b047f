package dev.tandem.server.console;

import dev.tandem.core.program.Program;
import dev.tandem.core.program.ProgramType;
import dev.tandem.core.token.MyToken;
import dev.tandem.core.token.TokenType;
import dev.tandem.server.TandemApp;
import dev.tandem.server.auth.SecretHasher;
import dev.tandem.server.automation.api.AutomationModule;
import dev.tandem.server.automation.token.ProgramTokens;
import dev.tandem.server.config.TandemConfig;
import dev.tandem.server.console.auth.ConsoleUsers;
import dev.tandem.server.domain.programs.NewProgram;
import dev.tandem.server.http.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A program's My Tokens panel in a real browser: add, replace and delete tokens, and refusals by field. */
class ProgramTokensBrowserTest {

    private static TestDatabases.TestDatabase database;
    private static TandemApp app;
    private static Browser browser;
    private static ProgramTokens tokens;

    @BeforeAll
    static void start() {
        database = TestDatabases.create(TestDatabases.Kind.H2);
        app = TandemApp.builder(TandemConfig.defaults().withHttpPort(0)
                        .withDatabase(database.url(), database.user(), database.password()))
                .module(services -> new AutomationModule(services, (h, ids) -> Map.of(), null, false))
                .build().start();
        new ConsoleUsers(app.services().database().jdbi(), new SecretHasher(1000), app.services().clock())
                .create("ops", "long enough password");
        tokens = app.module(AutomationModule.class).orElseThrow().programTokens();
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

    private static Program program(String name) {
        return app.services().programs().create(new NewProgram(name, null, ProgramType.EVENT, "Webinar", List.of()));
    }

    private static void submitToken(String name, String type, String value) {
        browser.fill(By.id("token-name"), name);
        new Select(browser.find(By.id("token-type"))).selectByValue(type);
        browser.fill(By.id("token-value"), value);
        browser.clickAndWait(By.id("save-token"));
    }

    @Test
    void givenAProgram_whenATokenIsAdded_thenItIsListedWithItsReferenceTypeAndValue() {
        Program webinar = program("Tokens Webinar");
        browser.open("/programs/" + webinar.id());
        assertThat(browser.text(By.id("no-tokens"))).isEqualTo("No tokens yet.");

        submitToken("Event Date", "date", "2026-12-03");

        assertThat(browser.path()).isEqualTo("/programs/" + webinar.id());
        assertThat(browser.text(By.cssSelector(".flash-success"))).contains("{{my.Event Date}} saved");
        assertThat(browser.text(By.cssSelector("#token-list tr[data-token='Event Date']")))
                .contains("{{my.Event Date}}", "date", "2026-12-03");
        assertThat(tokens.list(webinar.id())).containsExactly(new MyToken("Event Date", TokenType.DATE, "2026-12-03"));
    }

    @Test
    void givenATokenOfTheSameName_whenSavedAgain_thenItsValueIsReplaced() {
        Program webinar = program("Replacing Webinar");
        tokens.save(webinar.id(), "Speaker", "text", "Ada");
        browser.open("/programs/" + webinar.id());

        submitToken("speaker", "text", "Grace");

        assertThat(browser.findAll(By.cssSelector("#token-list tbody tr"))).hasSize(1);
        assertThat(browser.text(By.cssSelector("#token-list tbody tr .token-value"))).isEqualTo("Grace");
    }

    @Test
    void givenADateTokenWhoseValueIsNoDate_whenSaved_thenTheErrorIsShownNextToTheValueAndNothingIsSaved() {
        Program webinar = program("Refusing Webinar");
        browser.open("/programs/" + webinar.id());

        submitToken("Event Date", "date", "next Friday");

        assertThat(browser.text(By.id("token-value-error")))
                .isEqualTo("'next Friday' is not a date such as 2026-12-01 (type date)");
        assertThat(browser.find(By.id("token-value")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.find(By.id("token-name")).getAttribute("value")).as("the form keeps what was typed")
                .isEqualTo("Event Date");
        assertThat(browser.find(By.id("token-value")).getAttribute("value")).isEqualTo("next Friday");
        assertThat(browser.findAll(By.id("token-name-error"))).isEmpty();
        assertThat(tokens.list(webinar.id())).isEmpty();
    }

    @Test
    void givenABlankName_whenSaved_thenTheErrorIsShownNextToTheName() {
        Program webinar = program("Nameless Webinar");
        browser.open("/programs/" + webinar.id());

        submitToken(" ", "text", "hello");

        assertThat(browser.text(By.id("token-name-error"))).isEqualTo("Cannot be blank");
        assertThat(tokens.list(webinar.id())).isEmpty();
    }

    @Test
    void givenAToken_whenDeletedAfterConfirming_thenItIsGone() {
        Program webinar = program("Deleting Webinar");
        tokens.save(webinar.id(), "Room", "text", "B12");
        tokens.save(webinar.id(), "Seats", "number", "40");
        browser.open("/programs/" + webinar.id());

        browser.script("window.confirm = () => true;");
        browser.clickAndWait(By.cssSelector("#token-list tr[data-token='Room'] button"));

        assertThat(browser.text(By.cssSelector(".flash-success"))).contains("{{my.Room}} deleted");
        assertThat(browser.findAll(By.cssSelector("#token-list tbody tr"))).hasSize(1);
        assertThat(tokens.list(webinar.id())).extracting(MyToken::name).containsExactly("Seats");
    }
}
