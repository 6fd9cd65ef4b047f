package dev.tandem.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The SOQL subset a sync engine needs, paging through nextRecordsUrl, and queryAll. */
class QueryTest extends EmulatorTestBase {
    String spring;
    String autumn;
    List<String> leads = new ArrayList<>();

    @BeforeEach
    void data() {
        emulator.control().setClock(Instant.parse("2026-03-01T10:00:00Z"));
        spring = api.create("Campaign", "{\"Name\":\"Spring Webinar\",\"Type\":\"Webinar\",\"IsActive\":true,"
                + "\"StartDate\":\"2026-03-10\",\"BudgetedCost\":1000.5}");
        emulator.control().advanceClock(Duration.ofHours(1));
        autumn = api.create("Campaign", "{\"Name\":\"Autumn Fair\",\"Type\":\"Trade Show\",\"StartDate\":\"2026-09-01\"}");
        for (int i = 0; i < 5; i++) {
            leads.add(api.create("Lead", "{\"LastName\":\"Person" + i + "\",\"FirstName\":\"P\",\"Company\":\"Co " + i
                    + "\"" + (i < 3 ? ",\"Email\":\"p" + i + "@example.com\"" : "") + "}"));
        }
        member(spring, leads.get(0), "Responded");
        member(spring, leads.get(1), null);
        member(autumn, leads.get(2), null);
    }

    private List<String> names(String soql) {
        Api.Response r = api.query(soql);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        List<String> out = new ArrayList<>();
        r.json().path("records").forEach(n -> out.add(n.path("Name").asText(n.path("LastName").asText())));
        return out;
    }

    @Test
    void recordsCarryAttributesAndSalesforceFormats() {
        JsonNode r = api.query("SELECT Id, Name, IsActive, StartDate, BudgetedCost, CreatedDate, ParentId FROM"
                + " Campaign WHERE Id = " + q(spring)).json();
        assertThat(r.path("totalSize").asInt()).isEqualTo(1);
        assertThat(r.path("done").asBoolean()).isTrue();
        assertThat(r.has("nextRecordsUrl")).isFalse();
        JsonNode row = r.path("records").get(0);
        assertThat(row.path("attributes").path("type").asText()).isEqualTo("Campaign");
        assertThat(row.path("attributes").path("url").asText()).isEqualTo(Api.V + "/sobjects/Campaign/" + spring);
        assertThat(row.path("IsActive").asBoolean()).isTrue();
        assertThat(row.path("StartDate").asText()).isEqualTo("2026-03-10");
        assertThat(row.path("BudgetedCost").asDouble()).isEqualTo(1000.5);
        assertThat(row.path("CreatedDate").asText()).isEqualTo("2026-03-01T10:00:00.000+0000");
        assertThat(row.path("ParentId").isNull()).isTrue();
    }

    @Test
    void parentRelationshipFieldsAreNestedAndNullWhenEmpty() {
        JsonNode rows = api.query("SELECT Id, Campaign.Name, Lead.LastName, Lead.Owner.Username, Contact.LastName"
                + " FROM CampaignMember WHERE CampaignId = " + q(spring) + " ORDER BY Lead.LastName").json()
                .path("records");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).path("Campaign").path("Name").asText()).isEqualTo("Spring Webinar");
        assertThat(rows.get(0).path("Campaign").path("attributes").path("type").asText()).isEqualTo("Campaign");
        assertThat(rows.get(0).path("Lead").path("LastName").asText()).isEqualTo("Person0");
        assertThat(rows.get(0).path("Lead").path("Owner").path("Username").asText()).isEqualTo("integration@tandem.dev");
        assertThat(rows.get(0).path("Contact").isNull()).isTrue();
    }

    @Test
    void namesAreCaseInsensitiveAndReturnedInDescribeCasing() {
        JsonNode row = api.query("select id, NAME, isactive from CAMPAIGN where name = 'spring webinar'").json()
                .path("records").get(0);
        assertThat(row.has("Name")).isTrue();
        assertThat(row.has("IsActive")).isTrue();
        assertThat(row.path("attributes").path("type").asText()).isEqualTo("Campaign");
    }

    @Test
    void whereSupportsBooleanLogicAndEveryComparison() {
        assertThat(names("SELECT Name FROM Campaign WHERE Type = 'Webinar' OR Type = 'Trade Show' ORDER BY Name"))
                .containsExactly("Autumn Fair", "Spring Webinar");
        assertThat(names("SELECT Name FROM Campaign WHERE NOT (Type = 'Webinar') AND Name != null"))
                .containsExactly("Autumn Fair");
        assertThat(names("SELECT Name FROM Campaign WHERE (Type = 'Webinar' AND IsActive = true) OR Name = 'x'"))
                .containsExactly("Spring Webinar");
        assertThat(names("SELECT Name FROM Campaign WHERE Type <> 'Webinar'")).containsExactly("Autumn Fair");
        assertThat(names("SELECT Name FROM Campaign WHERE BudgetedCost > 1000")).containsExactly("Spring Webinar");
        assertThat(names("SELECT Name FROM Campaign WHERE BudgetedCost <= 1000")).isEmpty();
        assertThat(names("SELECT Name FROM Campaign WHERE StartDate >= 2026-09-01")).containsExactly("Autumn Fair");
        assertThat(names("SELECT Name FROM Campaign WHERE StartDate < 2026-09-01")).containsExactly("Spring Webinar");
        assertThat(names("SELECT Name FROM Campaign WHERE BudgetedCost = null")).containsExactly("Autumn Fair");
    }

    @Test
    void inNotInAndLikeMatchCaseInsensitively() {
        assertThat(names("SELECT LastName FROM Lead WHERE Email IN ('P0@EXAMPLE.COM', 'p2@example.com') ORDER BY"
                + " LastName")).containsExactly("Person0", "Person2");
        assertThat(names("SELECT LastName FROM Lead WHERE Id NOT IN (" + q(leads.get(0)) + "," + q(leads.get(1))
                + ") ORDER BY LastName")).containsExactly("Person2", "Person3", "Person4");
        assertThat(names("SELECT Name FROM Campaign WHERE Name LIKE 'spring%'")).containsExactly("Spring Webinar");
        assertThat(names("SELECT Name FROM Campaign WHERE Name LIKE '%Fai_'")).containsExactly("Autumn Fair");
        assertThat(names("SELECT LastName FROM Lead WHERE Email = null ORDER BY LastName"))
                .containsExactly("Person3", "Person4");
    }

    @Test
    void fifteenCharacterIdsMatchTheirEighteenCharacterForm() {
        assertThat(names("SELECT Name FROM Campaign WHERE Id = " + q(spring.substring(0, 15))))
                .containsExactly("Spring Webinar");
    }

    @Test
    void datetimeAndRelativeDateLiterals() {
        assertThat(names("SELECT Name FROM Campaign WHERE CreatedDate > 2026-03-01T10:00:00Z"))
                .containsExactly("Autumn Fair");
        assertThat(names("SELECT Name FROM Campaign WHERE CreatedDate >= 2026-03-01T10:00:00.000+00:00 ORDER BY"
                + " Name")).containsExactly("Autumn Fair", "Spring Webinar");
        assertThat(names("SELECT Name FROM Campaign WHERE CreatedDate = TODAY ORDER BY Name"))
                .containsExactly("Autumn Fair", "Spring Webinar");
        assertThat(names("SELECT Name FROM Campaign WHERE CreatedDate < YESTERDAY")).isEmpty();
        assertThat(names("SELECT Name FROM Campaign WHERE StartDate = NEXT_N_DAYS:10")).containsExactly("Spring Webinar");
        assertThat(names("SELECT Name FROM Campaign WHERE CreatedDate = LAST_N_DAYS:3 ORDER BY Name"))
                .containsExactly("Autumn Fair", "Spring Webinar");
    }

    @Test
    void orderByLimitAndOffset() {
        assertThat(names("SELECT LastName FROM Lead ORDER BY LastName DESC LIMIT 2"))
                .containsExactly("Person4", "Person3");
        assertThat(names("SELECT LastName FROM Lead ORDER BY LastName LIMIT 2 OFFSET 1"))
                .containsExactly("Person1", "Person2");
        assertThat(names("SELECT LastName FROM Lead ORDER BY Email NULLS LAST, LastName"))
                .containsExactly("Person0", "Person1", "Person2", "Person3", "Person4");
        assertThat(names("SELECT LastName FROM Lead ORDER BY Email, LastName"))
                .containsExactly("Person3", "Person4", "Person0", "Person1", "Person2");
    }

    @Test
    void countQueriesReturnTotalSizeOnlyAndAggregatesReturnRows() {
        JsonNode count = api.query("SELECT COUNT() FROM CampaignMember WHERE CampaignId = " + q(spring)).json();
        assertThat(count.path("totalSize").asInt()).isEqualTo(2);
        assertThat(count.path("records")).isEmpty();
        JsonNode agg = api.query("SELECT COUNT(Id) total, COUNT(Email) FROM Lead").json();
        assertThat(agg.path("records").get(0).path("attributes").path("type").asText()).isEqualTo("AggregateResult");
        assertThat(agg.path("records").get(0).path("total").asInt()).isEqualTo(5);
        assertThat(agg.path("records").get(0).path("expr0").asInt()).isEqualTo(3);
    }

    @Test
    void childSubqueriesComeBackNested() {
        JsonNode row = api.query("SELECT Name, (SELECT Status FROM CampaignMembers ORDER BY Status) FROM Campaign"
                + " WHERE Id = " + q(spring)).json().path("records").get(0);
        JsonNode members = row.path("CampaignMembers");
        assertThat(members.path("totalSize").asInt()).isEqualTo(2);
        assertThat(members.path("records").get(0).path("Status").asText()).isEqualTo("Responded");
    }

    @Test
    void pagesFollowTheRequestedBatchSizeThroughNextRecordsUrl() {
        StringBuilder body = new StringBuilder("{\"records\":[");
        for (int i = 0; i < 200; i++) {
            body.append(i == 0 ? "" : ",").append("{\"attributes\":{\"type\":\"Lead\"},\"LastName\":\"Bulk")
                    .append(i).append("\",\"Company\":\"Paging\"}");
        }
        for (int round = 0; round < 3; round++) {
            assertThat(api.post(Api.V + "/composite/sobjects", body + "]}").status()).isEqualTo(200);
        }
        String soql = "SELECT Id FROM Lead WHERE Company = 'Paging' ORDER BY Id";
        Api.Response first = api.get(Api.V + "/query?q=" + soql.replace(" ", "%20").replace("'", "%27"),
                "Sforce-Query-Options", "batchSize=250");
        JsonNode page = first.json();
        assertThat(page.path("totalSize").asInt()).isEqualTo(600);
        assertThat(page.path("done").asBoolean()).isFalse();
        assertThat(page.path("records")).hasSize(250);
        assertThat(page.path("nextRecordsUrl").asText()).matches("/services/data/v62\\.0/query/0r8\\w{15}-250");
        List<String> ids = new ArrayList<>();
        page.path("records").forEach(r -> ids.add(r.path("Id").asText()));
        int pages = 1;
        while (!page.path("done").asBoolean()) {
            page = api.get(page.path("nextRecordsUrl").asText(), "Sforce-Query-Options", "batchSize=250").json();
            page.path("records").forEach(r -> ids.add(r.path("Id").asText()));
            pages++;
        }
        assertThat(pages).isEqualTo(3);
        assertThat(ids).hasSize(600).doesNotHaveDuplicates();
        assertThat(page.has("nextRecordsUrl")).isFalse();
    }

    @Test
    void batchSizeIsClampedToAtLeast200() {
        StringBuilder body = new StringBuilder("{\"records\":[");
        for (int i = 0; i < 201; i++) {
            body.append(i == 0 ? "" : ",").append("{\"attributes\":{\"type\":\"Contact\"},\"LastName\":\"C\"}");
            if (i == 199) {
                break;
            }
        }
        api.post(Api.V + "/composite/sobjects", body + "]}");
        api.create("Contact", "{\"LastName\":\"C\"}");
        JsonNode page = api.get(Api.V + "/query?q=SELECT%20Id%20FROM%20Contact", "Sforce-Query-Options",
                "batchSize=5").json();
        assertThat(page.path("records")).hasSize(200);
        assertThat(page.path("done").asBoolean()).isFalse();
    }

    @Test
    void queryAllAlsoReturnsDeletedRowsAndQueryHidesThem() {
        String m = api.query("SELECT Id FROM CampaignMember WHERE CampaignId = " + q(autumn)).json().path("records")
                .get(0).path("Id").asText();
        assertThat(api.delete(Api.V + "/sobjects/CampaignMember/" + m).status()).isEqualTo(204);
        String soql = "SELECT Id, IsDeleted FROM CampaignMember WHERE IsDeleted = true AND SystemModstamp >="
                + " 2026-03-01T00:00:00Z";
        assertThat(api.query(soql).json().path("totalSize").asInt()).isZero();
        JsonNode all = api.queryAll(soql).json();
        assertThat(all.path("totalSize").asInt()).isEqualTo(1);
        assertThat(all.path("records").get(0).path("Id").asText()).isEqualTo(m);
    }

    @Test
    void syncEnginePollingQueryUsesModstampAndCampaignFilters() {
        Instant mark = emulator.control().now();
        emulator.control().advanceClock(Duration.ofSeconds(5));
        String changed = api.query("SELECT Id FROM CampaignMember WHERE CampaignId = " + q(spring)
                + " AND Status = 'Sent'").json().path("records").get(0).path("Id").asText();
        api.patch(Api.V + "/sobjects/CampaignMember/" + changed, "{\"Status\":\"Responded\"}");
        JsonNode rows = api.query("SELECT Id, CampaignId, Campaign.Name, LeadId, ContactId, Lead.Email, Contact.Email,"
                + " Status, HasResponded, FirstRespondedDate, SystemModstamp FROM CampaignMember WHERE CampaignId IN ("
                + q(spring) + "," + q(autumn) + ") AND SystemModstamp > " + mark.toString()
                + " ORDER BY SystemModstamp ASC, Id ASC LIMIT 2000").json().path("records");
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).path("Id").asText()).isEqualTo(changed);
        assertThat(rows.get(0).path("HasResponded").asBoolean()).isTrue();
    }

    @Test
    void semiJoinsSelectByTheIdsAnotherQueryReturns() {
        assertThat(names("SELECT LastName FROM Lead WHERE Id IN (SELECT LeadId FROM CampaignMember WHERE CampaignId = "
                + q(spring) + ") ORDER BY LastName")).containsExactly("Person0", "Person1");
        assertThat(names("SELECT LastName FROM Lead WHERE Id NOT IN (SELECT LeadId FROM CampaignMember) ORDER BY"
                + " LastName")).containsExactly("Person3", "Person4");
        assertThat(names("SELECT Name FROM Campaign WHERE Id IN (SELECT CampaignId FROM CampaignMember WHERE"
                + " Status = 'Responded')")).containsExactly("Spring Webinar");
        EmulatorTestBase.assertError(api.query("SELECT Id FROM Lead WHERE Id IN (SELECT Status FROM CampaignMember)"),
                400, "MALFORMED_QUERY");
    }
}
