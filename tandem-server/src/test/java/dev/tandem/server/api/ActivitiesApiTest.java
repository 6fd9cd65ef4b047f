package dev.tandem.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static dev.tandem.server.http.TestTandem.encode;
import static org.assertj.core.api.Assertions.assertThat;

class ActivitiesApiTest extends ApiTestSupport {

    private static String tokenSince(String since) {
        JsonNode response = server.get("/rest/v1/activities/pagingtoken.json?sinceDatetime=" + encode(since));
        assertThat(response.get("success").asBoolean()).as("%s", response).isTrue();
        return response.get("nextPageToken").asText();
    }

    private static String now() {
        return server.clock().instant().toString();
    }

    @Test
    void theTypeCatalogueListsTheCampaignAndProgressionTypesWithTheirAttributes() {
        JsonNode types = result(server.get("/rest/v1/activities/types.json"));

        assertThat(types).extracting(t -> t.get("id").asInt()).contains(12, 42, 43, 44, 104);
        assertThat(types).anySatisfy(t -> {
            assertThat(t.get("id").asInt()).isEqualTo(104);
            assertThat(t.get("name").asText()).isEqualTo("Change Status in Progression");
            assertThat(t.get("attributes")).extracting(a -> a.get("name").asText()).contains("Old Status", "New Status");
        });
    }

    @Test
    void statusChangesAreReadBackAsActivity104AfterAPagingToken() {
        server.clock().advance(Duration.ofMinutes(1));
        String token = tokenSince(now());
        long program = createWebinarProgram();
        long lead = createLeads(1).get(0);
        setStatus(program, "Registered", List.of(lead));

        JsonNode page = server.get("/rest/v1/activities.json?activityTypeIds=104&leadIds=" + lead + "&nextPageToken=" + encode(token));

        JsonNode activity = result(page).get(0);
        assertThat(activity.get("activityTypeId").asInt()).isEqualTo(104);
        assertThat(activity.get("leadId").asLong()).isEqualTo(lead);
        assertThat(activity.get("primaryAttributeValueId").asLong()).isEqualTo(program);
        assertThat(activity.get("attributes")).anySatisfy(a -> {
            assertThat(a.get("name").asText()).isEqualTo("New Status");
            assertThat(a.get("value").asText()).isEqualTo("Registered");
        });
        assertThat(page.get("moreResult").asBoolean()).isFalse();
        assertThat(page.get("nextPageToken").asText()).isNotBlank();
    }

    @Test
    void activitiesPageAcrossSeveralPagesAndTheLastPageStillCarriesAToken() {
        server.clock().advance(Duration.ofMinutes(1));
        String token = tokenSince(now());
        List<Long> leads = createLeads(7);

        List<Long> seen = new ArrayList<>();
        int pages = 0;
        JsonNode page;
        do {
            page = server.get("/rest/v1/activities.json?activityTypeIds=12&batchSize=3&nextPageToken=" + encode(token));
            result(page).forEach(a -> seen.add(a.get("leadId").asLong()));
            token = page.get("nextPageToken").asText();
            pages++;
        } while (page.get("moreResult").asBoolean());

        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactlyElementsOf(leads);
        assertThat(token).isNotBlank();
    }

    @Test
    void aTokenFromTheLastPagePicksUpActivitiesWrittenLater() {
        server.clock().advance(Duration.ofMinutes(1));
        String token = tokenSince(now());
        createLeads(1);
        JsonNode first = server.get("/rest/v1/activities.json?activityTypeIds=12&nextPageToken=" + encode(token));
        long later = createLeads(1).get(0);

        JsonNode next = server.get("/rest/v1/activities.json?activityTypeIds=12&nextPageToken="
                + encode(first.get("nextPageToken").asText()));

        assertThat(result(next)).extracting(a -> a.get("leadId").asLong()).containsExactly(later);
    }

    @Test
    void moreThanTenActivityTypeIdsAreRejectedWith1003() {
        String ids = IntStream.rangeClosed(1, 11).mapToObj(String::valueOf).collect(Collectors.joining(","));

        JsonNode response = server.get("/rest/v1/activities.json?activityTypeIds=" + ids + "&nextPageToken=" + encode(tokenSince(now())));

        assertThat(errorCode(response)).isEqualTo("1003");
        assertThat(errorMessage(response)).contains("activityTypeIds");
    }

    @Test
    void moreThanThirtyLeadIdsAreRejectedWith1003() {
        String ids = IntStream.rangeClosed(1, 31).mapToObj(String::valueOf).collect(Collectors.joining(","));

        JsonNode response = server.get("/rest/v1/activities.json?activityTypeIds=12&leadIds=" + ids
                + "&nextPageToken=" + encode(tokenSince(now())));

        assertThat(errorCode(response)).isEqualTo("1003");
        assertThat(errorMessage(response)).contains("leadIds");
    }

    @Test
    void anUnknownActivityTypeIsRejectedWith1003() {
        JsonNode response = server.get("/rest/v1/activities.json?activityTypeIds=9999&nextPageToken=" + encode(tokenSince(now())));

        assertThat(errorCode(response)).isEqualTo("1003");
        assertThat(errorMessage(response)).contains("9999");
    }

    @Test
    void aBatchSizeAbove300IsRejectedWith1003() {
        JsonNode response = server.get("/rest/v1/activities.json?activityTypeIds=12&batchSize=301&nextPageToken="
                + encode(tokenSince(now())));

        assertThat(errorCode(response)).isEqualTo("1003");
    }

    @Test
    void aMissingPagingTokenIsRejectedWith701() {
        JsonNode response = server.get("/rest/v1/activities.json?activityTypeIds=12");

        assertThat(errorCode(response)).isEqualTo("701");
        assertThat(errorMessage(response)).isEqualTo("nextPageToken cannot be blank");
    }

    @Test
    void missingActivityTypeIdsAreRejectedWith701() {
        JsonNode response = server.get("/rest/v1/activities.json?nextPageToken=" + encode(tokenSince(now())));

        assertThat(errorMessage(response)).isEqualTo("activityTypeIds cannot be blank");
    }

    @Test
    void aGarbagePagingTokenIsRejectedWith1003NotAServerError() {
        JsonNode response = server.get("/rest/v1/activities.json?activityTypeIds=12&nextPageToken=bm90LWEtdG9rZW4");

        assertThat(errorCode(response)).isEqualTo("1003");
        assertThat(errorMessage(response)).contains("nextPageToken");
    }

    @Test
    void aPagingTokenAcceptsMarketosOffsetFormsAndABareDate() {
        assertThat(tokenSince("2014-10-06T13:22:17-08:00")).isNotBlank();
        assertThat(tokenSince("2014-10-06T13:22:17+0000")).isNotBlank();
        assertThat(tokenSince("2014-10-06T13:22:17Z")).isNotBlank();
        assertThat(tokenSince("2014-10-06")).isNotBlank();
    }

    @Test
    void anUnparseableSinceDatetimeIsRejectedWith1003NamingIt() {
        JsonNode response = server.get("/rest/v1/activities/pagingtoken.json?sinceDatetime=yesterday");

        assertThat(errorCode(response)).isEqualTo("1003");
        assertThat(errorMessage(response)).contains("sinceDatetime");
    }

    @Test
    void aMissingSinceDatetimeIsRejectedWith701() {
        assertThat(errorMessage(server.get("/rest/v1/activities/pagingtoken.json"))).isEqualTo("sinceDatetime cannot be blank");
    }
}
