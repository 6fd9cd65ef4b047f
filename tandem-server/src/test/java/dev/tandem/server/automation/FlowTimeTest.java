package dev.tandem.server.automation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.server.http.TestDatabases;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Wait "end on" options, date-token waits, tokens in flow steps and recurrence details, end to end over HTTP on a
 * server whose subscription time zone is Europe/Paris. The clock only moves forward, so each test first moves it
 * to the moment its scenario starts.
 */
class FlowTimeTest extends AutomationTestSupport {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final String REQUESTED = "{\"triggers\":[{\"type\":\"campaignRequested\",\"source\":\"Web Service API\"}]}";

    @BeforeAll
    static void startServer() {
        server = AutomationServer.on(TestDatabases.Kind.H2, PARIS);
    }

    /** Moves the clock to the next {@code day} at {@code time} in Paris; returns that instant. */
    private static Instant nextParis(DayOfWeek day, LocalTime time) {
        ZonedDateTime now = server.time().instant().atZone(PARIS);
        ZonedDateTime target = now.with(TemporalAdjusters.next(day)).with(time);
        server.time().advance(Duration.between(now, target));
        return target.toInstant();
    }

    private static void request(long campaign, long person, String tokens) {
        result(server.postJson("/rest/v1/campaigns/" + campaign + "/trigger.json", "{\"input\":{\"leads\":[{\"id\":"
                + person + "}]" + (tokens == null ? "" : ",\"tokens\":" + tokens) + "}}"));
        server.drain();
    }

    private static void addToken(long program, String name, String type, String value) {
        result(server.postForm("/rest/asset/v1/folder/" + program + "/tokens.json",
                Map.of("name", name, "type", type, "value", value, "folderType", "Program")));
    }

    private static List<String> logOf(long campaign, long person) {
        JsonNode log = result(server.get("/rest/tandem/v1/smartCampaigns/" + campaign + "/log.json?leadId=" + person));
        List<String> lines = new ArrayList<>();
        log.forEach(e -> lines.add(e.get("step").asInt() + " " + e.get("action").asText() + " "
                + e.get("outcome").asText() + (e.get("reason").isNull() ? "" : " " + e.get("reason").asText())));
        return lines;
    }

    @Test
    void givenTriggeredFridayAt5pm_whenTheWaitIs48HoursEndingWeekdaysAt9_thenTheNextStepRunsMondayAt9() {
        long program = webinar();
        long campaign = activeCampaign(program, REQUESTED, "{\"steps\":["
                + "{\"action\":\"wait\",\"duration\":\"48 hours\",\"endOn\":{\"days\":[\"Monday\",\"Tuesday\","
                + "\"Wednesday\",\"Thursday\",\"Friday\"],\"time\":\"09:00\"}},"
                + "{\"action\":\"changeProgramStatus\",\"status\":\"Registered\"}]}");
        long person = person();
        Instant friday = nextParis(DayOfWeek.FRIDAY, LocalTime.of(17, 0));

        request(campaign, person, null);
        server.time().advance(Duration.ofHours(48));
        server.drain();
        assertThat(statusOf(program, person)).as("Sunday 17:00, the 48 hours are over").isEmpty();

        server.time().advance(Duration.between(server.time().instant(),
                friday.atZone(PARIS).plusDays(3).with(LocalTime.of(8, 59)).toInstant()));
        server.drain();
        assertThat(statusOf(program, person)).as("Monday 08:59").isEmpty();

        server.time().advance(Duration.ofMinutes(1));
        server.drain();
        assertThat(statusOf(program, person)).as("Monday 09:00").contains("Registered");
    }

    @Test
    void givenTheProgramsEventDate_whenTheWaitIsOneDayBeforeIt_thenThePersonMovesOnThen() {
        long program = webinar();
        Instant now = nextParis(DayOfWeek.MONDAY, LocalTime.of(10, 0));
        String eventDay = now.atZone(PARIS).plusDays(3).toLocalDate().toString();
        addToken(program, "Event Date", "date", eventDay);
        long campaign = activeCampaign(program, REQUESTED, "{\"steps\":["
                + "{\"action\":\"wait\",\"untilToken\":\"{{my.Event Date}}\",\"offset\":\"1 day before\"},"
                + "{\"action\":\"changeProgramStatus\",\"status\":\"Registered\"}]}");
        long person = person();

        request(campaign, person, null);
        server.time().advance(Duration.ofHours(37));
        server.drain();
        assertThat(statusOf(program, person)).as("Tuesday 23:00 Paris").isEmpty();

        server.time().advance(Duration.ofHours(1));
        server.drain();
        assertThat(statusOf(program, person)).as("Wednesday 00:00 Paris, a day before the event")
                .contains("Registered");
    }

    @Test
    void givenADateTokenAlreadyPast_thenThePersonGoesStraightOn() {
        long program = webinar();
        addToken(program, "Event Date", "date", "2020-01-01");
        long campaign = activeCampaign(program, REQUESTED, "{\"steps\":["
                + "{\"action\":\"wait\",\"untilToken\":\"{{my.Event Date}}\"},"
                + "{\"action\":\"changeProgramStatus\",\"status\":\"Registered\"}]}");
        long person = person();

        request(campaign, person, null);

        assertThat(statusOf(program, person)).contains("Registered");
    }

    @Test
    void givenRequestTokens_thenTheyOverrideTheProgramsTokensInTheStepParameters() {
        long program = webinar();
        addToken(program, "Status", "text", "Registered");
        long campaign = activeCampaign(program, REQUESTED,
                "{\"steps\":[{\"action\":\"changeProgramStatus\",\"status\":\"{{my.Status}}\"}]}");
        long fromProgram = person();
        long fromRequest = person();

        request(campaign, fromProgram, null);
        request(campaign, fromRequest, "[{\"name\":\"{{my.Status}}\",\"value\":\"Attended\"}]");

        assertThat(statusOf(program, fromProgram)).contains("Registered");
        assertThat(statusOf(program, fromRequest)).contains("Attended");
    }

    @Test
    void givenATokenNobodyDefines_thenTheStepIsSkippedWithTheReasonInTheLogAndTheFlowGoesOn() {
        long program = webinar();
        long campaign = activeCampaign(program, REQUESTED, "{\"steps\":["
                + "{\"action\":\"changeProgramStatus\",\"status\":\"{{my.Status}}\"},"
                + "{\"action\":\"wait\",\"untilToken\":\"{{my.Event Date}}\"},"
                + "{\"action\":\"changeProgramStatus\",\"status\":\"Registered\"}]}");
        long person = person();

        request(campaign, person, "[{\"name\":\"{{my.Other}}\",\"value\":\"x\"}]");

        assertThat(logOf(campaign, person)).containsExactly(
                "1 Change Program Status skipped {{my.Status}} has no value for status: neither the program's My "
                        + "Tokens nor the request define it",
                "2 Wait skipped {{my.Event Date}} has no value for the wait date: neither the program's My Tokens "
                        + "nor the request define it",
                "3 Change Program Status done");
        assertThat(statusOf(program, person)).contains("Registered");
    }

    @Test
    void givenATokenStatusTheChannelLacks_thenTheStepIsSkippedForThePersonWithTheReason() {
        long program = webinar();
        long campaign = activeCampaign(program, REQUESTED,
                "{\"steps\":[{\"action\":\"changeProgramStatus\",\"status\":\"{{my.Status}}\"}]}");
        long person = person();

        request(campaign, person, "[{\"name\":\"{{my.Status}}\",\"value\":\"Bogus\"}]");

        assertThat(logOf(campaign, person)).singleElement().asString().startsWith("1 Change Program Status skipped ")
                .contains("Bogus");
        assertThat(statusOf(program, person)).isEmpty();
    }

    @Test
    void givenARequestDateThatIsNoDate_thenTheWaitIsSkippedNamingTheValue() {
        long program = webinar();
        long campaign = activeCampaign(program, REQUESTED,
                "{\"steps\":[{\"action\":\"wait\",\"untilToken\":\"{{my.When}}\"}]}");
        long person = person();

        request(campaign, person, "[{\"name\":\"{{my.When}}\",\"value\":\"next Friday\"}]");

        assertThat(logOf(campaign, person)).containsExactly("1 Wait skipped {{my.When}} gives 'next Friday', which "
                + "is not a date such as 2026-12-01 or 2026-12-01T09:00:00Z");
    }

    @Test
    void givenAWeekdayOnlyDailyBatchCampaign_thenItRunsFridayThenMondayAndNotAtTheWeekend() {
        long target = webinar();
        String prefix = unique("WD");
        long person = people(prefix).get(0);
        long campaign = campaign(null);
        result(saveRules(campaign, "{\"filters\":[{\"type\":\"personAttribute\",\"attribute\":\"lastName\","
                + "\"operator\":\"starts with\",\"values\":[\"" + prefix + "\"]}],"
                + "\"qualification\":{\"rule\":\"every time\"}}"));
        result(saveFlow(campaign, changeProgramStatus(target, "Member")));
        Instant thursday = nextParis(DayOfWeek.THURSDAY, LocalTime.of(12, 0));
        ZonedDateTime friday8 = thursday.atZone(PARIS).plusDays(1).with(LocalTime.of(8, 0));

        JsonNode first = result(server.postJson("/rest/tandem/v1/smartCampaigns/" + campaign + "/recurrence.json",
                "{\"startAt\":\"" + friday8.toInstant() + "\",\"intervalType\":\"Daily\",\"weekdayOnly\":true}"));
        assertThat(first.get(0).get("runAt").asText()).isEqualTo(friday8.toInstant().toString());

        List<Integer> runsEachDay = new ArrayList<>();
        for (int day = 0; day < 4; day++) {
            server.time().advance(Duration.between(server.time().instant(), friday8.plusDays(day).toInstant()));
            server.drain();
            runsEachDay.add(runsOf(campaign, person));
        }

        assertThat(runsEachDay).as("after Friday, Saturday, Sunday, Monday 08:00").containsExactly(1, 1, 1, 2);
        JsonNode runs = result(server.get("/rest/tandem/v1/smartCampaigns/" + campaign + "/runs.json"));
        assertThat(runs.get(0).get("runAt").asText()).as("the next run, Tuesday 08:00 Paris")
                .isEqualTo(friday8.plusDays(4).toInstant().toString());
        JsonNode recurrence = result(server.get("/rest/asset/v1/smartCampaign/" + campaign + ".json")).get(0)
                .get("recurrence");
        assertThat(recurrence.get("intervalType").asText()).isEqualTo("Daily");
        assertThat(recurrence.get("weekdayOnly").asBoolean()).isTrue();
    }

    @Test
    void aMonthlyRecurrenceOnTheSecondTuesdayIsShownWithItsDetails() {
        long campaign = campaign(null);
        result(saveRules(campaign, "{\"filters\":[{\"type\":\"personAttribute\",\"attribute\":\"email\","
                + "\"operator\":\"is empty\"}]}"));
        result(saveFlow(campaign, "{\"steps\":[{\"action\":\"doNothing\"}]}"));
        String start = server.time().instant().plus(Duration.ofDays(1)).toString();

        result(server.postJson("/rest/tandem/v1/smartCampaigns/" + campaign + "/recurrence.json",
                "{\"startAt\":\"" + start + "\",\"intervalType\":\"Monthly\",\"dayOfWeek\":\"Tuesday\","
                        + "\"weekOfMonth\":2}"));

        JsonNode recurrence = result(server.get("/rest/asset/v1/smartCampaign/" + campaign + ".json")).get(0)
                .get("recurrence");
        assertThat(recurrence.get("dayOfWeek").asText()).isEqualTo("Tuesday");
        assertThat(recurrence.get("weekOfMonth").asInt()).isEqualTo(2);
        JsonNode run = result(server.get("/rest/tandem/v1/smartCampaigns/" + campaign + "/runs.json")).get(0);
        ZonedDateTime runAt = Instant.parse(run.get("runAt").asText()).atZone(PARIS);
        assertThat(runAt.getDayOfWeek()).isEqualTo(DayOfWeek.TUESDAY);
        assertThat((runAt.getDayOfMonth() - 1) / 7 + 1).isEqualTo(2);
    }

    @Test
    void recurrenceDetailsThatDoNotFitTheIntervalTypeAreRefusedNamingTheField() {
        long campaign = campaign(null);
        result(saveRules(campaign, "{\"filters\":[{\"type\":\"personAttribute\",\"attribute\":\"email\","
                + "\"operator\":\"is empty\"}]}"));
        result(saveFlow(campaign, "{\"steps\":[{\"action\":\"doNothing\"}]}"));

        JsonNode response = server.postJson("/rest/tandem/v1/smartCampaigns/" + campaign + "/recurrence.json",
                "{\"startAt\":\"2027-01-01T08:00:00Z\",\"intervalType\":\"Weekly\",\"weekdayOnly\":true,"
                        + "\"weekdayMask\":[\"Monday\",\"Funday\"]}");

        assertThat(errors(response)).containsExactly(
                "1003 recurrence.weekdayMask[1]: 'Funday' is not a day of the week (Monday … Sunday)");

        response = server.postJson("/rest/tandem/v1/smartCampaigns/" + campaign + "/recurrence.json",
                "{\"startAt\":\"2027-01-01T08:00:00Z\",\"intervalType\":\"Weekly\",\"weekdayOnly\":true}");

        assertThat(errors(response)).containsExactly(
                "1003 recurrence: weekdayOnly: only a Daily recurrence takes it (this one is Weekly)");
        assertThat(result(server.get("/rest/tandem/v1/smartCampaigns/" + campaign + "/runs.json"))).isEmpty();
    }
}
