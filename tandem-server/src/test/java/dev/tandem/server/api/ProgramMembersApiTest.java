package dev.tandem.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.server.http.TestTandem;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import static dev.tandem.server.http.TestTandem.encode;
import static org.assertj.core.api.Assertions.assertThat;

class ProgramMembersApiTest extends ApiTestSupport {

    private static JsonNode members(long programId, String query) {
        return server.get("/rest/v1/programs/" + programId + "/members.json?" + query);
    }

    private static JsonNode memberOf(long programId, long leadId) {
        JsonNode result = result(members(programId, "filterType=leadId&filterValues=" + leadId + "&fields=statusName,reachedSuccess"));
        return result.isEmpty() ? null : result.get(0);
    }

    @Test
    void anUpsertCreatesNonMembersAndMovesMembersForwardReportingEachInInputOrder() {
        long program = createWebinarProgram();
        List<Long> leads = createLeads(2);
        setStatus(program, "Member", List.of(leads.get(0)));

        JsonNode results = result(setStatus(program, "Registered", leads));

        assertThat(results).extracting(r -> r.get("seq").asInt()).containsExactly(0, 1);
        assertThat(results).extracting(r -> r.get("status").asText()).containsExactly("updated", "created");
        assertThat(results).extracting(r -> r.get("leadId").asLong()).containsExactlyElementsOf(leads);
        assertThat(memberOf(program, leads.get(1)).get("statusName").asText()).isEqualTo("Registered");
    }

    @Test
    void aLowerStepIsSkippedWith1037AndTheStatusStays() {
        long program = createWebinarProgram();
        long lead = createLeads(1).get(0);
        setStatus(program, "Attended", List.of(lead));

        JsonNode results = result(setStatus(program, "Registered", List.of(lead)));

        assertThat(results.get(0).get("status").asText()).isEqualTo("skipped");
        assertThat(results.get(0).get("reasons").get(0).get("code").asText()).isEqualTo("1037");
        assertThat(memberOf(program, lead).get("statusName").asText()).isEqualTo("Attended");
        assertThat(memberOf(program, lead).get("reachedSuccess").asBoolean()).isTrue();
    }

    @Test
    void anUnknownStatusIsSkippedWith1025AndNobodyBecomesAMember() {
        long program = createWebinarProgram();
        long lead = createLeads(1).get(0);

        JsonNode results = result(setStatus(program, "registered", List.of(lead)));

        assertThat(results.get(0).get("reasons").get(0).get("code").asText()).isEqualTo("1025");
        assertThat(memberOf(program, lead)).isNull();
    }

    @Test
    void anUnknownLeadIsSkippedWith1004WhileTheOthersAreWritten() {
        long program = createWebinarProgram();
        long lead = createLeads(1).get(0);

        JsonNode results = result(setStatus(program, "Member", List.of(987654321L, lead)));

        assertThat(results).extracting(r -> r.get("status").asText()).containsExactly("skipped", "created");
        assertThat(results.get(0).get("reasons").get(0).get("code").asText()).isEqualTo("1004");
        assertThat(memberOf(program, lead)).isNotNull();
    }

    @Test
    void anUnknownProgramIsRejectedWith1013() {
        long lead = createLeads(1).get(0);

        JsonNode response = setStatus(987654321L, "Member", List.of(lead));

        assertThat(errorCode(response)).isEqualTo("1013");
    }

    @Test
    void moreThan300LeadsAreRejectedWith1003AndNobodyIsAdded() {
        long program = createWebinarProgram();
        long lead = createLeads(1).get(0);
        List<Long> tooMany = new ArrayList<>(List.of(lead));
        LongStream.range(0, 300).forEach(i -> tooMany.add(900_000_000L + i));

        JsonNode response = setStatus(program, "Member", tooMany);

        assertThat(errorCode(response)).isEqualTo("1003");
        assertThat(memberOf(program, lead)).isNull();
    }

    @Test
    void aMissingStatusNameIsRejectedWith701NamingIt() {
        long program = createWebinarProgram();

        JsonNode response = server.postJson("/rest/v1/programs/" + program + "/members/status.json", "{\"input\":[{\"leadId\":1}]}");

        assertThat(errorCode(response)).isEqualTo("701");
        assertThat(errorMessage(response)).isEqualTo("statusName cannot be blank");
    }

    @Test
    void aRecordWithoutLeadIdRejectsTheWholeRequestWith701AndWritesNothing() {
        long program = createWebinarProgram();
        long lead = createLeads(1).get(0);

        JsonNode response = server.postJson("/rest/v1/programs/" + program + "/members/status.json",
                "{\"statusName\":\"Member\",\"input\":[{\"leadId\":" + lead + "},{\"id\":5}]}");

        assertThat(errorCode(response)).isEqualTo("701");
        assertThat(errorMessage(response)).isEqualTo("input[1].leadId cannot be blank");
        assertThat(memberOf(program, lead)).isNull();
    }

    @Test
    void aNonNumericLeadIdIsRejectedWith1003() {
        long program = createWebinarProgram();

        JsonNode response = server.postJson("/rest/v1/programs/" + program + "/members/status.json",
                "{\"statusName\":\"Member\",\"input\":[{\"leadId\":\"abc\"}]}");

        assertThat(errorCode(response)).isEqualTo("1003");
        assertThat(errorMessage(response)).contains("input[0].leadId");
    }

    @Test
    void malformedJsonIsRejectedWith609() {
        long program = createWebinarProgram();

        assertThat(errorCode(server.postJson("/rest/v1/programs/" + program + "/members/status.json", "{\"statusName\":"))).isEqualTo("609");
    }

    @Test
    void aStatusBodyThatIsNotJsonIsRejectedWith612() {
        long program = createWebinarProgram();

        JsonNode response = TestTandem.json(server.send(server.authorized("/rest/v1/programs/" + program + "/members/status.json")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("statusName=Member")).build()).body());

        assertThat(errorCode(response)).isEqualTo("612");
    }

    @Test
    void deletingRemovesMembersAndSkipsNonMembersWith1037() {
        long program = createWebinarProgram();
        List<Long> leads = createLeads(2);
        setStatus(program, "Member", List.of(leads.get(0)));

        JsonNode results = result(server.postJson("/rest/v1/programs/" + program + "/members/delete.json",
                "{\"input\":" + input(leads) + "}"));

        assertThat(results).extracting(r -> r.get("status").asText()).containsExactly("deleted", "skipped");
        assertThat(results.get(1).get("reasons").get(0).get("code").asText()).isEqualTo("1037");
        assertThat(memberOf(program, leads.get(0))).isNull();
    }

    @Test
    void deletingMoreThan300IsRejectedWith1003AndRemovesNobody() {
        long program = createWebinarProgram();
        long lead = createLeads(1).get(0);
        setStatus(program, "Member", List.of(lead));
        List<Long> tooMany = new ArrayList<>(List.of(lead));
        LongStream.range(0, 300).forEach(i -> tooMany.add(900_000_000L + i));

        JsonNode response = server.postJson("/rest/v1/programs/" + program + "/members/delete.json",
                "{\"input\":" + input(tooMany) + "}");

        assertThat(errorCode(response)).isEqualTo("1003");
        assertThat(memberOf(program, lead)).isNotNull();
    }

    @Test
    void deletingWithoutInputIsRejectedWith701() {
        long program = createWebinarProgram();

        JsonNode response = server.postJson("/rest/v1/programs/" + program + "/members/delete.json", "{\"input\":[]}");

        assertThat(errorCode(response)).isEqualTo("701");
        assertThat(errorMessage(response)).isEqualTo("input cannot be blank");
    }

    @Test
    void aStatusQueryPagesThroughMoreThanOnePage() {
        long program = createWebinarProgram();
        List<Long> leads = createLeads(7);
        setStatus(program, "Registered", leads);

        List<Long> seen = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            JsonNode page = members(program, "filterType=statusName&filterValues=Registered&batchSize=3"
                    + (token == null ? "" : "&nextPageToken=" + encode(token)));
            result(page).forEach(m -> seen.add(m.get("leadId").asLong()));
            token = page.get("moreResult").asBoolean() ? page.get("nextPageToken").asText() : null;
            pages++;
        } while (token != null);

        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactlyElementsOf(leads);
    }

    @Test
    void aQueryReturnsMarketosDefaultFieldsUnlessFieldsAreNamed() {
        long program = createWebinarProgram();
        long lead = createLeads(1).get(0);
        setStatus(program, "Member", List.of(lead));

        JsonNode plain = result(members(program, "filterType=leadId&filterValues=" + lead)).get(0);
        JsonNode chosen = result(members(program, "filterType=leadId&filterValues=" + lead + "&fields=statusName")).get(0);

        assertThat(plain.fieldNames()).toIterable()
                .contains("leadId", "programId", "acquiredBy", "membershipDate", "reachedSuccess").doesNotContain("statusName");
        assertThat(chosen.fieldNames()).toIterable().containsExactly("seq", "leadId", "programId", "statusName");
    }

    @Test
    void aSuccessQueryReturnsOnlyMembersWhoReachedSuccess() {
        long program = createWebinarProgram();
        List<Long> leads = createLeads(3);
        setStatus(program, "Member", leads);
        setStatus(program, "Attended", List.of(leads.get(1)));

        JsonNode result = result(members(program, "filterType=reachedSuccess&filterValues=true"));

        assertThat(result).extracting(m -> m.get("leadId").asLong()).containsExactly(leads.get(1));
    }

    @Test
    void aQueryByLeadIdSkipsNonMembers() {
        long program = createWebinarProgram();
        List<Long> leads = createLeads(2);
        setStatus(program, "Member", List.of(leads.get(1)));

        JsonNode result = result(members(program, "filterType=leadId&filterValues="
                + leads.stream().map(String::valueOf).collect(Collectors.joining(","))));

        assertThat(result).extracting(m -> m.get("leadId").asLong()).containsExactly(leads.get(1));
    }

    @Test
    void anUnsupportedFilterTypeIsRejectedWith1003NamingIt() {
        long program = createWebinarProgram();

        JsonNode response = members(program, "filterType=shoeSize&filterValues=42");

        assertThat(errorCode(response)).isEqualTo("1003");
        assertThat(errorMessage(response)).contains("filterType");
    }

    @Test
    void aQueryWithoutFilterTypeIsRejectedWith701() {
        long program = createWebinarProgram();

        assertThat(errorMessage(members(program, "filterValues=1"))).isEqualTo("filterType cannot be blank");
    }

    @Test
    void aQueryOfAnUnknownProgramIsRejectedWith1013() {
        assertThat(errorCode(members(987654321L, "filterType=leadId&filterValues=1"))).isEqualTo("1013");
    }

    @Test
    void aBatchSizeAbove300IsRejectedWith1003() {
        long program = createWebinarProgram();

        assertThat(errorCode(members(program, "filterType=statusName&filterValues=Member&batchSize=301"))).isEqualTo("1003");
    }

    @Test
    void anUnknownFieldIsRejectedWith1006() {
        long program = createWebinarProgram();

        assertThat(errorCode(members(program, "filterType=leadId&filterValues=1&fields=shoeSize"))).isEqualTo("1006");
    }

    @Test
    void aPageTokenOfAnotherProgramIsRejectedWith1003() {
        long first = createWebinarProgram();
        long second = createWebinarProgram();
        setStatus(first, "Member", createLeads(2));
        String token = members(first, "filterType=statusName&filterValues=Member&batchSize=1").get("nextPageToken").asText();

        JsonNode response = members(second, "filterType=statusName&filterValues=Member&nextPageToken=" + encode(token));

        assertThat(errorCode(response)).isEqualTo("1003");
        assertThat(errorMessage(response)).contains("nextPageToken");
    }
}
