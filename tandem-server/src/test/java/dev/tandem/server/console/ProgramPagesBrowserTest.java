package dev.tandem.server.console;

import dev.tandem.core.membership.ChangeSource;
import dev.tandem.core.person.PersonFields;
import dev.tandem.core.program.PeriodCost;
import dev.tandem.core.program.Program;
import dev.tandem.core.program.ProgramType;
import dev.tandem.server.TandemApp;
import dev.tandem.server.auth.SecretHasher;
import dev.tandem.server.console.auth.ConsoleUsers;
import dev.tandem.server.domain.membership.ChangeContext;
import dev.tandem.server.domain.people.LookupField;
import dev.tandem.server.domain.people.PersonInput;
import dev.tandem.server.domain.people.SyncAction;
import dev.tandem.server.domain.programs.NewProgram;
import dev.tandem.server.http.TestTandem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The programs list, creating a program, and a program's page with its members, in a real browser. */
class ProgramPagesBrowserTest {
    private static final String USER = "ops";
    private static final String PASSWORD = "a long enough password";

    private static TestTandem tandem;
    private static Browser browser;
    private static Program webinar;
    private static Program workshop;
    private static List<Long> people;

    @BeforeAll
    static void start() {
        tandem = TestTandem.onH2();
        TandemApp.Services services = tandem.app().services();
        new ConsoleUsers(services.database().jdbi(), new SecretHasher(1000), tandem.clock()).create(USER, PASSWORD);
        webinar = services.programs().create(new NewProgram("Autumn Webinar", "Pipeline analytics live",
                ProgramType.EVENT, "Webinar", List.of(new PeriodCost(YearMonth.of(2026, 9), 1200, null),
                new PeriodCost(YearMonth.of(2026, 10), 800, null))));
        services.programs().create(new NewProgram("Winter Newsletter", null, ProgramType.EMAIL, "Email Send",
                List.of()));
        List<PersonInput> input = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            input.add(PersonInput.of(new PersonFields("person" + i + "@example.com", "First" + i, "Last" + i,
                    "Company " + i, null, null, null, null)));
        }
        people = services.people().sync(SyncAction.CREATE_OR_UPDATE, LookupField.EMAIL, input).stream()
                .map(result -> result.id()).toList();
        services.memberships().changeStatus(webinar.id(), people, "Registered",
                ChangeContext.of(ChangeSource.API, "setup"));
        workshop = services.programs().create(new NewProgram("Hands-on Workshop", null, ProgramType.EVENT,
                "Seminar", List.of()));
        services.memberships().changeStatus(workshop.id(), people.subList(0, 5), "Registered",
                ChangeContext.of(ChangeSource.API, "setup"));
        browser = new Browser(tandem.app().baseUri());
        browser.signIn(USER, PASSWORD);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        tandem.close();
    }

    @BeforeEach
    void onProgramsPage() {
        browser.open("/programs");
    }

    @Test
    void theListShowsEveryProgramWithChannelMembersAndCost() {
        String table = browser.text(By.id("programs"));

        assertThat(table).contains("Autumn Webinar", "Webinar", "60", "$2,000", "not linked");
        assertThat(table).contains("Winter Newsletter", "Email Send");
    }

    @Test
    void searchingByPartOfTheNameNarrowsTheList() {
        browser.fill(By.name("q"), "newsl");
        browser.clickAndWait(By.cssSelector("form.search button"));

        assertThat(browser.text(By.id("programs"))).contains("Winter Newsletter").doesNotContain("Autumn Webinar");
    }

    @Test
    void aNewProgramIsCreatedAndOpened() {
        browser.fill(By.id("p-name"), "Spring Roadshow");
        new Select(browser.find(By.id("p-type"))).selectByValue("Event");
        new Select(browser.find(By.id("p-channel"))).selectByValue("Seminar");
        browser.fill(By.id("p-amount"), "5000");
        browser.script("document.getElementById('p-month').value = '2026-05'");
        browser.clickAndWait(By.id("create-program"));

        assertThat(browser.text(By.id("program-name"))).isEqualTo("Spring Roadshow");
        assertThat(browser.text(By.cssSelector(".flash-success"))).contains("created");
        assertThat(browser.text(By.id("cost-total"))).isEqualTo("$5,000");
    }

    @Test
    void aProgramThatCannotBeCreatedShowsEachProblemNextToItsField() {
        browser.fill(By.id("p-name"), "Autumn Webinar");
        new Select(browser.find(By.id("p-type"))).selectByValue("Email");
        new Select(browser.find(By.id("p-channel"))).selectByValue("Webinar");
        browser.clickAndWait(By.id("create-program"));

        assertThat(browser.text(By.id("channel-error"))).contains("'Webinar' applies to Event programs, not Email");
        assertThat(browser.find(By.id("p-name")).getAttribute("value")).isEqualTo("Autumn Webinar");

        new Select(browser.find(By.id("p-type"))).selectByValue("Event");
        browser.clickAndWait(By.id("create-program"));

        assertThat(browser.text(By.id("name-error"))).contains("a program named 'Autumn Webinar' already exists");
    }

    @Test
    void aProgramPageShowsStatusesWithCountsCostsAndPagedMembers() {
        browser.open("/programs/" + webinar.id());

        assertThat(browser.text(By.cssSelector("#channel-statuses td[data-status='Registered']"))).isEqualTo("60");
        assertThat(browser.text(By.id("member-total"))).isEqualTo("60");
        assertThat(browser.text(By.id("cost-total"))).isEqualTo("$2,000");
        assertThat(browser.findAll(By.cssSelector("#members tbody tr"))).hasSize(ProgramPages.MEMBERS_PER_PAGE);
        assertThat(browser.text(By.cssSelector(".pager"))).contains("1–50 of 60 members");

        browser.clickAndWait(By.cssSelector(".pager a[rel=next]"));

        assertThat(browser.findAll(By.cssSelector("#members tbody tr"))).hasSize(10);
    }

    @Test
    void changingAMembersStatusMovesTheCountAndWritesTheActivity() {
        long person = people.get(0);
        browser.open("/programs/" + workshop.id());
        WebElement row = browser.find(By.cssSelector("#members tr[data-person='" + person + "']"));
        new Select(row.findElement(By.name("status"))).selectByValue("Attended");
        browser.clickAndWait(row.findElement(By.cssSelector("button")));

        assertThat(browser.text(By.cssSelector(".flash-success"))).contains("is now “Attended”");
        assertThat(browser.text(By.cssSelector("#channel-statuses td[data-status='Attended']"))).isEqualTo("1");
        assertThat(browser.text(By.cssSelector("#members tr[data-person='" + person + "'] td.status")))
                .startsWith("Attended");

        browser.open("/people/" + person);
        assertThat(browser.text(By.id("activities"))).contains("Change Status in Progression", "Attended",
                "Changed by ops in the console");
    }

    @Test
    void aBackwardStatusChangeIsRefusedWithTheReason() {
        long person = people.get(1);
        tandem.app().services().memberships().changeStatus(workshop.id(), List.of(person), "Attended",
                ChangeContext.of(ChangeSource.API, "setup"));
        browser.open("/programs/" + workshop.id());
        WebElement row = browser.find(By.cssSelector("#members tr[data-person='" + person + "']"));
        new Select(row.findElement(By.name("status"))).selectByValue("Registered");
        browser.clickAndWait(row.findElement(By.cssSelector("button")));

        assertThat(browser.text(By.cssSelector(".flash-error"))).startsWith("Status not changed:");
        assertThat(tandem.app().services().memberships().get(workshop.id(), person).orElseThrow().status())
                .isEqualTo("Attended");
    }

    @Test
    void anUnknownProgramShowsANotFoundPage() {
        browser.open("/programs/999999");

        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Not found");
        assertThat(browser.text(By.id("error-message"))).contains("no program with id 999999");
    }
}
