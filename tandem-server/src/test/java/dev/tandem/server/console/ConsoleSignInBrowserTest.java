package dev.tandem.server.console;

import dev.tandem.core.program.ProgramType;
import dev.tandem.server.auth.SecretHasher;
import dev.tandem.server.console.auth.ConsoleUsers;
import dev.tandem.server.domain.programs.NewProgram;
import dev.tandem.server.http.TestTandem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Signing in and out of the console, and the rules every console route enforces, in a real browser. */
class ConsoleSignInBrowserTest {
    private static final String USER = "marketing.ops";
    private static final String PASSWORD = "correct horse battery staple";

    private static TestTandem tandem;
    private static Browser browser;

    @BeforeAll
    static void start() {
        tandem = TestTandem.onH2();
        new ConsoleUsers(tandem.app().services().database().jdbi(), new SecretHasher(1000), tandem.clock())
                .create(USER, PASSWORD);
        tandem.app().services().programs().create(new NewProgram("Forgery Target", null, ProgramType.DEFAULT,
                "Web", List.of()));
        browser = new Browser(tandem.app().baseUri());
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        tandem.close();
    }

    @BeforeEach
    void signedOut() {
        browser.forgetSession();
    }

    @Test
    void aPageOpenedWithoutSigningInRedirectsToSignInAndReturnsThereAfterwards() {
        browser.open("/programs?q=Forgery");

        assertThat(browser.path()).startsWith("/login?next=");
        assertThat(browser.pageText()).doesNotContain("Forgery Target");

        browser.fill(By.id("username"), USER);
        browser.fill(By.id("password"), PASSWORD);
        browser.clickAndWait(By.id("sign-in"));

        assertThat(browser.path()).isEqualTo("/programs?q=Forgery");
        assertThat(browser.text(By.id("programs"))).contains("Forgery Target");
    }

    @Test
    void aWrongPasswordIsRefusedWithoutSayingWhichPartWasWrong() {
        browser.signIn(USER, "not the password");

        assertThat(browser.path()).startsWith("/login");
        assertThat(browser.text(By.id("login-error"))).isEqualTo("Wrong username or password.");
        browser.open("/programs");
        assertThat(browser.path()).startsWith("/login");
    }

    @Test
    void anUnknownUserGetsTheSameAnswerAsAWrongPassword() {
        browser.signIn("nobody.here", PASSWORD);

        assertThat(browser.text(By.id("login-error"))).isEqualTo("Wrong username or password.");
    }

    @Test
    void signingOutEndsTheSession() {
        browser.signIn(USER, PASSWORD);
        assertThat(browser.path()).isEqualTo("/");

        browser.clickAndWait(By.cssSelector("form.signout button"));

        assertThat(browser.path()).startsWith("/login");
        browser.open("/");
        assertThat(browser.path()).startsWith("/login");
    }

    @Test
    void theSessionCookieIsHiddenFromScriptsAndSentOnlyToThisSite() {
        browser.signIn(USER, PASSWORD);

        assertThat((String) browser.script("return document.cookie")).doesNotContain("tandem_session");
        assertThat(browser.driver().manage().getCookieNamed("tandem_session").getSameSite()).isEqualTo("Lax");
        assertThat(browser.driver().manage().getCookieNamed("tandem_session").isHttpOnly()).isTrue();
    }

    @Test
    void aForgedPostWithoutTheFormsTokenIsRefusedAndChangesNothing() {
        browser.signIn(USER, PASSWORD);
        browser.open("/programs");

        // What a hostile page would send with the user's cookie: a well-formed form lacking the CSRF token.
        browser.script("""
                const form = document.createElement('form');
                form.method = 'post';
                form.action = '/programs';
                for (const [name, value] of [['name', 'Forged Program'], ['type', 'Default'], ['channel', 'Web'],
                                             ['csrf', 'guessed-token']]) {
                  const input = document.createElement('input');
                  input.name = name; input.value = value; form.appendChild(input);
                }
                document.body.appendChild(form);
                form.submit();
                """);

        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Forbidden");
        assertThat(tandem.app().services().programs().byName("Forged Program")).isEmpty();
    }
}
