package dev.tandem.salesforce.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.salesforce.SalesforceClient;
import dev.tandem.salesforce.error.ErrorKind;
import dev.tandem.salesforce.error.SalesforceException;
import dev.tandem.salesforce.query.Cond;
import dev.tandem.salesforce.query.DeletedRecords;
import dev.tandem.salesforce.query.QueryPage;
import dev.tandem.salesforce.query.QueryStats;
import dev.tandem.salesforce.query.SObject;
import dev.tandem.salesforce.query.Soql;
import dev.tandem.salesforce.query.UpdatedIds;
import dev.tandem.salesforce.write.SaveResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class QueryEmulatorTest extends EmulatorTestBase {

    private List<String> createLeads(SalesforceClient client, int n, String prefix) {
        List<SaveResult> results = client.create("Lead", leads(n, prefix));
        assertThat(results).allMatch(SaveResult::success);
        return results.stream().map(SaveResult::id).toList();
    }

    @Test
    void queryFollowsNextRecordsUrlAcrossManyPagesOfTheChosenSize() {
        SalesforceClient client = client();
        createLeads(client, 1_000, "Page");
        control.clearRequests();
        List<Integer> pageSizes = new ArrayList<>();
        Set<String> ids = new HashSet<>();

        QueryStats stats = client.query(Soql.select("Id", "LastName").from("Lead")
                .where(Cond.startsWith("LastName", "Page")).orderBy("LastName").build(), 200, page -> {
                    pageSizes.add(page.records().size());
                    page.records().forEach(r -> ids.add(r.id()));
                });

        assertThat(pageSizes).containsExactly(200, 200, 200, 200, 200);
        assertThat(ids).hasSize(1_000);
        assertThat(stats).isEqualTo(new QueryStats(5, 1_000, 1_000));
        assertRequests("GET", ".*/query(/.*)?", 5);
    }

    @Test
    void batchSizeOutsideSalesforcesRangeIsRefusedBeforeAnyCall() {
        SalesforceClient client = client();

        assertThatThrownBy(() -> client.query(Soql.select("Id").from("Lead").build(), 100, p -> { }))
                .hasMessageContaining("batchSize");
        assertRequests("GET", ".*/query", 0);
    }

    @Test
    void streamFetchesOnlyThePagesThatAreConsumed() {
        SalesforceClient client = client();
        createLeads(client, 600, "Lazy");
        control.clearRequests();

        try (Stream<SObject> rows = client.streamAll(Soql.select("Id").from("Lead").build(), 200)) {
            assertThat(rows.limit(150).count()).isEqualTo(150);
        }

        assertRequests("GET", ".*/query(All)?(/.*)?", 1);
    }

    @Test
    void parentRelationshipFieldsComeBackNested() {
        SalesforceClient client = client();
        String campaignId = client.create("Campaign", List.of(Map.of("Name", "Spring Webinar"))).get(0).id();
        String leadId = client.create("Lead", List.of(Map.of("LastName", "Ng", "Company", "Acme",
                "Email", "ng@example.com"))).get(0).id();
        assertThat(client.create("CampaignMember", List.of(Map.of("CampaignId", campaignId, "LeadId", leadId,
                "Status", "Sent")))).allMatch(SaveResult::success);

        SObject member = client.stream(Soql.select("Id", "Campaign.Name", "Lead.Email", "Contact.Email", "Status")
                .from("CampaignMember").where(Cond.eq("CampaignId", campaignId)).build()).findFirst().orElseThrow();

        assertThat(member.getString("Campaign.Name")).isEqualTo("Spring Webinar");
        assertThat(member.getString("Lead.Email")).isEqualTo("ng@example.com");
        assertThat(member.getString("Contact.Email")).isNull();
        assertThat(member.parent("Contact")).isEmpty();
    }

    @Test
    void queryAllReturnsDeletedRowsThatQueryHides() {
        SalesforceClient client = client();
        List<String> ids = createLeads(client, 3, "Gone");
        assertThat(client.delete(List.of(ids.get(0)))).allMatch(SaveResult::success);
        Soql soql = Soql.select("Id", "IsDeleted").from("Lead").where(Cond.startsWith("LastName", "Gone")).build();

        List<SObject> visible = new ArrayList<>();
        client.query(soql, 2000, p -> visible.addAll(p.records()));
        List<SObject> all = new ArrayList<>();
        client.queryAll(soql, 2000, p -> all.addAll(p.records()));

        assertThat(visible).extracting(SObject::id).containsExactlyInAnyOrder(ids.get(1), ids.get(2));
        assertThat(all).filteredOn(r -> Boolean.TRUE.equals(r.getBoolean("IsDeleted"))).extracting(SObject::id)
                .containsExactly(ids.get(0));
    }

    @Test
    void queryAllPagesThroughDeletedAndLiveRowsAlike() {
        SalesforceClient client = client();
        List<String> ids = createLeads(client, 450, "AllPages");
        client.delete(ids.subList(0, 100));
        List<Integer> sizes = new ArrayList<>();

        QueryStats stats = client.queryAll(Soql.select("Id", "IsDeleted").from("Lead")
                .where(Cond.startsWith("LastName", "AllPages")).build(), 200, p -> sizes.add(p.records().size()));

        assertThat(sizes).containsExactly(200, 200, 50);
        assertThat(stats.records()).isEqualTo(450);
    }

    @Test
    void valuesWithQuotesBackslashesNewlinesAndWildcardsMatchExactly() {
        SalesforceClient client = client();
        String tricky = "O'Brien \\ 50%_off\nline2";
        client.create("Lead", List.of(Map.of("LastName", tricky, "Company", "Acme"),
                Map.of("LastName", "O'Brien \\ 50xyoff\nline2", "Company", "Acme"),
                Map.of("LastName", "Other", "Company", "Acme")));

        List<SObject> exact = client.stream(Soql.select("Id", "LastName").from("Lead")
                .where(Cond.eq("LastName", tricky)).build()).toList();
        List<SObject> like = client.stream(Soql.select("Id", "LastName").from("Lead")
                .where(Cond.contains("LastName", "50%_off")).build()).toList();

        assertThat(exact).extracting(r -> r.getString("LastName")).containsExactly(tricky);
        assertThat(like).extracting(r -> r.getString("LastName")).containsExactly(tricky);
    }

    @Test
    void countReturnsTheTotalSize() {
        SalesforceClient client = client();
        createLeads(client, 7, "Count");

        assertThat(client.count(Soql.selectCount().from("Lead").where(Cond.startsWith("LastName", "Count")).build()))
                .isEqualTo(7);
    }

    @Test
    void unknownColumnIsAConfigErrorWithSalesforcesCode() {
        SalesforceClient client = client();

        assertThatThrownBy(() -> client.stream(Soql.select("Bacon__c").from("Lead").build()).count())
                .isInstanceOfSatisfying(SalesforceException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo("INVALID_FIELD");
                    assertThat(e.kind()).isEqualTo(ErrorKind.CONFIG);
                    assertThat(e.httpStatus()).isEqualTo(400);
                });
        assertRequests("GET", ".*/query", 1);
    }

    @Test
    void getUpdatedAndGetDeletedReportChangesInTheWindow() {
        SalesforceClient client = client();
        Instant start = control.now().minus(Duration.ofMinutes(1));
        List<String> ids = createLeads(client, 2, "Window");
        client.delete(List.of(ids.get(1)));
        control.advanceClock(Duration.ofMinutes(2));
        Instant end = control.now();

        UpdatedIds updated = client.updated("Lead", start, end);
        DeletedRecords deleted = client.deleted("Lead", start, end);

        assertThat(updated.ids()).contains(ids.get(0));
        assertThat(updated.latestDateCovered()).isNotNull();
        assertThat(deleted.records()).extracting(DeletedRecords.Deleted::id).containsExactly(ids.get(1));
        assertThat(deleted.records().get(0).deletedDate()).isBetween(start, end);
    }

    @Test
    void queryPagesReportTheirNumberAndTheLastOne() {
        SalesforceClient client = client();
        createLeads(client, 450, "Num");
        List<QueryPage> pages = new ArrayList<>();

        client.query(Soql.select("Id").from("Lead").where(Cond.startsWith("LastName", "Num")).build(), 200,
                pages::add);

        assertThat(pages).extracting(QueryPage::number).containsExactly(1, 2, 3);
        assertThat(pages).extracting(QueryPage::last).containsExactly(false, false, true);
        assertThat(pages.get(0).totalSize()).isEqualTo(450);
    }
}
