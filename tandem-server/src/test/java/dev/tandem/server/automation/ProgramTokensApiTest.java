package dev.tandem.server.automation;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ProgramTokensApiTest extends AutomationTestSupport {

    private static JsonNode save(long program, String name, String type, String value) {
        return server.postForm("/rest/asset/v1/folder/" + program + "/tokens.json",
                Map.of("name", name, "type", type, "value", value, "folderType", "Program"));
    }

    @Test
    void tokensAreCreatedListedReplacedIgnoringCaseAndDeleted() {
        long program = webinar();

        result(save(program, "Event Date", "date", "2026-12-01"));
        result(save(program, "{{my.Campaign}}", "sfdc campaign", "701000000000001AAA"));
        JsonNode replaced = result(save(program, "event date", "date", "2026-12-24"));

        assertThat(replaced.get(0).get("folder").toString()).isEqualTo("{\"type\":\"Program\",\"value\":" + program + "}");
        assertThat(replaced.get(0).get("tokens").toString()).isEqualTo("[{\"name\":\"Campaign\",\"type\":\"sfdc campaign\","
                + "\"value\":\"701000000000001AAA\"},{\"name\":\"event date\",\"type\":\"date\",\"value\":\"2026-12-24\"}]");

        result(server.postForm("/rest/asset/v1/folder/" + program + "/tokens/delete.json",
                Map.of("name", "Campaign", "type", "sfdc campaign", "folderType", "Program")));
        JsonNode listed = result(server.get("/rest/asset/v1/folder/" + program + "/tokens.json?folderType=Program"));
        assertThat(listed.get(0).get("tokens")).hasSize(1);
    }

    @Test
    void aValueItsTypeDoesNotAcceptIsRefusedAndNothingIsSaved() {
        long program = webinar();

        JsonNode response = save(program, "Event Date", "date", "1st of December");

        assertThat(errors(response)).containsExactly("1003 Invalid data: value: '1st of December' is not a date such "
                + "as 2026-12-01 (type date)");
        assertThat(result(server.get("/rest/asset/v1/folder/" + program + "/tokens.json")).get(0).get("tokens"))
                .isEmpty();
    }

    @Test
    void unknownTypesFoldersAndProgramsAreRefusedNamingTheField() {
        long program = webinar();

        assertThat(errors(save(program, "Body", "rich text", "<p>"))).containsExactly("1003 Invalid data: type: "
                + "'rich text' is not a token type (known: text, date, number, sfdc campaign)");
        assertThat(errors(server.postForm("/rest/asset/v1/folder/" + program + "/tokens.json",
                Map.of("name", "A", "type", "text", "value", "b", "folderType", "Folder"))))
                .containsExactly("1003 Invalid value for 'folderType': Tandem keeps My Tokens on programs only; use "
                        + "Program, got 'Folder'");
        assertThat(errors(save(999_999, "A", "text", "b"))).singleElement().asString()
                .contains("no program with id 999999");
        assertThat(errors(server.postForm("/rest/asset/v1/folder/" + program + "/tokens/delete.json",
                Map.of("name", "Missing", "type", "text", "folderType", "Program")))).singleElement().asString()
                .contains("program " + program + " has no text token named 'Missing'");
    }
}
