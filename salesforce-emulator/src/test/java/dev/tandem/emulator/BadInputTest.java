package dev.tandem.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.emulator.error.ApiException;
import dev.tandem.emulator.error.Failures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Malformed input gets Salesforce's specific error, never a 500 or a stack trace. */
class BadInputTest extends EmulatorTestBase {

    @AfterEach
    void nothingReachedTheCatchAll() {
        assertThat(emulator.control().requests()).noneMatch(r -> r.status() >= 500);
    }

    @Test
    void malformedJsonIsAJsonParserError() {
        assertError(api.post(Api.V + "/sobjects/Campaign", "{\"Name\": "), 400, "JSON_PARSER_ERROR");
        assertError(api.post(Api.V + "/sobjects/Campaign", "[1,2]"), 400, "JSON_PARSER_ERROR");
        assertError(api.post(Api.V + "/sobjects/Campaign", ""), 400, "JSON_PARSER_ERROR");
        assertError(api.post(Api.V + "/composite/sobjects", "{\"records\":{}}"), 400, "JSON_PARSER_ERROR");
    }

    @Test
    void unknownFieldIsAnInvalidField() {
        JsonNode e = assertError(api.post(Api.V + "/sobjects/Campaign", "{\"Name\":\"x\",\"Foo__c\":1}"), 400,
                "INVALID_FIELD");
        assertThat(e.path("message").asText()).isEqualTo("No such column 'Foo__c' on sobject of type Campaign");
    }

    @Test
    void wrongJsonTypesAreJsonParserErrorsNamingTheField() {
        JsonNode e = assertError(api.post(Api.V + "/sobjects/Campaign", "{\"Name\":\"x\",\"IsActive\":\"yes\"}"), 400,
                "JSON_PARSER_ERROR");
        assertThat(e.path("message").asText()).contains("boolean").contains("IsActive");
        assertError(api.post(Api.V + "/sobjects/Campaign", "{\"Name\":\"x\",\"StartDate\":\"abc\"}"), 400,
                "JSON_PARSER_ERROR");
        assertError(api.post(Api.V + "/sobjects/Campaign", "{\"Name\":42}"), 400, "JSON_PARSER_ERROR");
        assertError(api.post(Api.V + "/sobjects/Campaign", "{\"Name\":\"x\",\"ActualCost\":\"12\"}"), 400,
                "JSON_PARSER_ERROR");
    }

    @Test
    void tooLongTextIsStringTooLong() {
        JsonNode e = assertError(api.post(Api.V + "/sobjects/Campaign", "{\"Name\":\"" + "n".repeat(81) + "\"}"),
                400, "STRING_TOO_LONG");
        assertThat(e.path("message").asText()).endsWith("(max length=80)");
        assertThat(e.path("fields").get(0).asText()).isEqualTo("Name");
    }

    @Test
    void malformedSoqlIsAMalformedQuery() {
        JsonNode e = assertError(api.query("SELEKT Id FROM Campaign"), 400, "MALFORMED_QUERY");
        assertThat(e.path("message").asText()).isEqualTo("unexpected token: SELEKT");
        assertError(api.query("SELECT Id Campaign"), 400, "MALFORMED_QUERY");
        assertError(api.query("SELECT Id FROM Campaign WHERE Name = 'open"), 400, "MALFORMED_QUERY");
        assertError(api.query("SELECT Id FROM Campaign WHERE Name = 'a' AND IsActive = true OR Type = 'b'"), 400,
                "MALFORMED_QUERY");
        assertError(api.query("SELECT Id FROM Campaign LIMIT -1"), 400, "MALFORMED_QUERY");
        assertError(api.get(Api.V + "/query"), 400, "MALFORMED_QUERY");
    }

    @Test
    void unknownColumnInSoqlIsAPositionedInvalidField() {
        JsonNode e = assertError(api.query("SELECT Bacon__c FROM Campaign LIMIT 2"), 400, "INVALID_FIELD");
        assertThat(e.path("message").asText()).isEqualTo("\nSELECT Bacon__c FROM Campaign LIMIT 2\n       ^\n"
                + "ERROR at Row:1:Column:8\nNo such column 'Bacon__c' on entity 'Campaign'. If you are attempting to"
                + " use a custom field, be sure to append the '__c' after the custom field name. Please reference your"
                + " WSDL or the describe call for the appropriate names.");
        assertThat(assertError(api.query("SELECT Campagne.Name FROM CampaignMember"), 400, "INVALID_FIELD")
                .path("message").asText()).contains("Didn't understand relationship 'Campagne'");
    }

    @Test
    void unknownObjectInSoqlIsAnInvalidType() {
        JsonNode e = assertError(api.query("SELECT Id FROM Foo"), 400, "INVALID_TYPE");
        assertThat(e.path("message").asText()).contains("sObject type 'Foo' is not supported.");
    }

    @Test
    void quotedDatetimeLiteralIsRejected() {
        JsonNode e = assertError(api.query("SELECT Id FROM Campaign WHERE SystemModstamp > '2026-01-01T00:00:00Z'"),
                400, "INVALID_QUERY_FILTER_OPERATOR");
        assertThat(e.path("message").asText()).contains("must be of type dateTime and should not be enclosed in quotes");
        assertError(api.query("SELECT Id FROM Campaign WHERE Name = 5"), 400, "INVALID_QUERY_FILTER_OPERATOR");
        assertError(api.query("SELECT Id FROM Campaign WHERE Id = 'nonsense'"), 400, "INVALID_QUERY_FILTER_OPERATOR");
    }

    @Test
    void unknownQueryLocatorIsInvalidQueryLocator() {
        assertError(api.get(Api.V + "/query/0r85g0000000001AAA-2000"), 400, "INVALID_QUERY_LOCATOR");
        assertError(api.get(Api.V + "/query/garbage"), 400, "INVALID_QUERY_LOCATOR");
    }

    @Test
    void malformedRecordIdsAreMalformedIds() {
        JsonNode e = assertError(api.get(Api.V + "/sobjects/Campaign/not-an-id"), 400, "MALFORMED_ID");
        assertThat(e.path("message").asText()).isEqualTo("Campaign ID: id value of incorrect type: not-an-id");
        String id = campaign("Real");
        String badChecksum = id.substring(0, 15) + (id.endsWith("AAA") ? "BBB" : "AAA");
        assertError(api.get(Api.V + "/sobjects/Campaign/" + badChecksum), 400, "MALFORMED_ID");
        assertError(api.get(Api.V + "/sobjects/Lead/" + id), 400, "MALFORMED_ID");
        assertThat(api.get(Api.V + "/sobjects/Campaign/" + id.substring(0, 15)).status()).isEqualTo(200);
    }

    @Test
    void referencesToTheWrongObjectOrToNothingAreRejected() {
        String c = campaign("Refs");
        String l = lead("Ref");
        JsonNode e = assertError(api.post(Api.V + "/sobjects/CampaignMember", "{\"CampaignId\":\"" + l
                + "\",\"LeadId\":\"" + l + "\"}"), 400, "FIELD_INTEGRITY_EXCEPTION");
        assertThat(e.path("message").asText()).isEqualTo("Campaign ID: id value of incorrect type: " + l);
        String missingLead = "00Q5g0000000001";
        assertError(api.post(Api.V + "/sobjects/CampaignMember", "{\"CampaignId\":\"" + c + "\",\"LeadId\":\""
                + missingLead + "\"}"), 400, "INVALID_CROSS_REFERENCE_KEY");
        assertError(api.post(Api.V + "/sobjects/CampaignMember", "{\"CampaignId\":\"" + c + "\",\"LeadId\":\"xyz\"}"),
                400, "MALFORMED_ID");
    }

    @Test
    void missingRecordsAreNotFoundOnReadAndInvalidReferenceOnWrite() {
        String absent = "7015g0000000001";
        assertError(api.get(Api.V + "/sobjects/Campaign/" + absent), 404, "NOT_FOUND");
        assertError(api.patch(Api.V + "/sobjects/Campaign/" + absent, "{\"Name\":\"x\"}"), 404,
                "INVALID_CROSS_REFERENCE_KEY");
        String id = campaign("Gone");
        assertThat(api.delete(Api.V + "/sobjects/Campaign/" + id).status()).isEqualTo(204);
        JsonNode e = assertError(api.delete(Api.V + "/sobjects/Campaign/" + id), 404, "ENTITY_IS_DELETED");
        assertThat(e.path("message").asText()).isEqualTo("entity is deleted");
    }

    @Test
    void unknownResourcesVersionsAndMethodsAreRejected() {
        assertError(api.get(Api.V + "/sobjects/Foo/describe"), 404, "NOT_FOUND");
        assertError(api.get("/services/data/v20.0/limits"), 404, "NOT_FOUND");
        assertError(api.get(Api.V + "/nothing-here"), 404, "NOT_FOUND");
        assertError(api.put(Api.V + "/sobjects/Campaign", "application/json", "{}"), 405, "METHOD_NOT_ALLOWED");
    }

    @Test
    void missingOrBadTokensAreRejected() {
        Api anonymous = new Api(emulator.baseUrl());
        JsonNode e = assertError(anonymous.get(Api.V + "/limits"), 401, "INVALID_SESSION_ID");
        assertThat(e.path("message").asText()).isEqualTo("Session expired or invalid");
        assertError(api.withToken("00D!forged").get(Api.V + "/limits"), 401, "INVALID_SESSION_ID");
        assertError(anonymous.get(Api.V + "/limits", "Authorization", "Basic abc"), 401, "INVALID_AUTH_HEADER");
    }

    @Test
    void oversizedCollectionsAreRejectedBeforeAnyWrite() {
        StringBuilder body = new StringBuilder("{\"records\":[");
        for (int i = 0; i < 201; i++) {
            body.append(i == 0 ? "" : ",").append("{\"attributes\":{\"type\":\"Lead\"},\"LastName\":\"L\",\"Company\":\"C\"}");
        }
        JsonNode e = assertError(api.post(Api.V + "/composite/sobjects", body.append("]}").toString()), 400,
                "EXCEEDED_ID_LIMIT");
        assertThat(e.path("message").asText())
                .isEqualTo("record limit reached. cannot submit more than 200 records into this call");
        assertThat(api.query("SELECT COUNT() FROM Lead").json().path("totalSize").asInt()).isZero();
    }

    @Test
    void unknownFieldsInFieldListsAreInvalidFields() {
        String id = campaign("Fields");
        assertError(api.get(Api.V + "/sobjects/Campaign/" + id + "?fields=Name,Nope"), 400, "INVALID_FIELD");
    }

    @Test
    void unexpectedFailuresMapToSalesforcesUnknownExceptionBody() {
        ApiException e = Failures.unknownException();
        assertThat(e.status()).isEqualTo(500);
        assertThat(e.errorCode()).isEqualTo("UNKNOWN_EXCEPTION");
        assertThat(e.getMessage()).matches("An unexpected error occurred\\. Please include this ErrorId if you contact"
                + " support: \\d{9}-\\d{5} \\(-\\d{9}\\)");
    }
}
