package dev.tandem.salesforce.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.salesforce.http.Json;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SObjectTest {

    private static SObject parse(String json) throws Exception {
        return SObjectJson.read(Json.MAPPER.readTree(json));
    }

    @Test
    void parentRelationshipFieldsAreNestedRecords() throws Exception {
        SObject m = parse("""
                {"attributes":{"type":"CampaignMember","url":"/x"},"Id":"00v5g000001AbCdAAK",
                 "Campaign":{"attributes":{"type":"Campaign","url":"/y"},"Name":"Spring Webinar",
                             "Owner":{"attributes":{"type":"User"},"Email":"o@x.com"}},
                 "Lead":null,"SystemModstamp":"2026-03-02T08:00:03.000+0000","FirstRespondedDate":"2026-03-02",
                 "HasResponded":true,"NumberOfLeads":3,"ActualCost":12.50}""");

        assertThat(m.type()).isEqualTo("CampaignMember");
        assertThat(m.id()).isEqualTo("00v5g000001AbCdAAK");
        assertThat(m.getString("Campaign.Name")).isEqualTo("Spring Webinar");
        assertThat(m.getString("Campaign.Owner.Email")).isEqualTo("o@x.com");
        assertThat(m.parent("Campaign")).get().extracting(SObject::type).isEqualTo("Campaign");
        assertThat(m.getInstant("SystemModstamp")).isEqualTo(Instant.parse("2026-03-02T08:00:03Z"));
        assertThat(m.getDate("FirstRespondedDate")).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(m.getBoolean("HasResponded")).isTrue();
        assertThat(m.get("NumberOfLeads")).isEqualTo(3L);
        assertThat(m.getLong("NumberOfLeads")).isEqualTo(3L);
        assertThat(m.getDecimal("ActualCost")).isEqualByComparingTo(new BigDecimal("12.50"));
    }

    @Test
    void aNullParentMakesItsFieldsNullButPresent() throws Exception {
        SObject m = parse("{\"attributes\":{\"type\":\"CampaignMember\"},\"Lead\":null}");

        assertThat(m.getString("Lead.Email")).isNull();
        assertThat(m.has("Lead.Email")).isTrue();
        assertThat(m.has("Contact.Email")).isFalse();
        assertThat(m.parent("Lead")).isEmpty();
    }

    @Test
    void fieldNamesMatchIgnoringCase() throws Exception {
        SObject m = parse("{\"attributes\":{\"type\":\"Lead\"},\"Email\":\"a@b.c\"}");

        assertThat(m.getString("email")).isEqualTo("a@b.c");
    }

    @Test
    void childSubqueriesBecomeRecordLists() throws Exception {
        SObject c = parse("""
                {"attributes":{"type":"Campaign"},"Id":"701000000000001AAA",
                 "CampaignMembers":{"totalSize":1,"done":true,"records":[{"attributes":{"type":"CampaignMember"},"Id":"00v000000000001AAA"}]}}""");

        assertThat(c.children("CampaignMembers")).extracting(SObject::id).containsExactly("00v000000000001AAA");
    }

    @Test
    void bulkRowsWithTextValuesConvertOnRead() {
        SObject row = SObject.of("Campaign", Map.of("NumberOfLeads", "12", "IsActive", "true"));

        assertThat(row.getLong("NumberOfLeads")).isEqualTo(12L);
        assertThat(row.getBoolean("IsActive")).isTrue();
    }

    @Test
    void datetimesInIsoFormsAllParse() {
        assertThat(SObject.parseDateTime("2026-03-01T23:59:00.000+0000")).isEqualTo("2026-03-01T23:59:00Z");
        assertThat(SObject.parseDateTime("2026-03-01T23:59:00Z")).isEqualTo("2026-03-01T23:59:00Z");
        assertThat(SObject.parseDateTime("2026-03-01T23:59:00+00:00")).isEqualTo("2026-03-01T23:59:00Z");
    }
}
