package dev.tandem.salesforce.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class SoqlTest {

    @Test
    void buildsSelectWhereOrderLimitFromValidatedParts() {
        Soql q = Soql.select("Id", "CampaignId", "Campaign.Name", "SystemModstamp").from("CampaignMember")
                .where(Cond.in("CampaignId", List.of("7015g000000AbCdAAE", "7015g000000AbCeAAE"))
                        .and(Cond.ge("SystemModstamp", Instant.parse("2026-03-01T00:00:00Z"))))
                .orderBy("SystemModstamp", "Id").limit(2000).build();

        assertThat(q.text()).isEqualTo("SELECT Id, CampaignId, Campaign.Name, SystemModstamp FROM CampaignMember"
                + " WHERE CampaignId IN ('7015g000000AbCdAAE', '7015g000000AbCeAAE')"
                + " AND SystemModstamp >= 2026-03-01T00:00:00Z ORDER BY SystemModstamp ASC, Id ASC LIMIT 2000");
        assertThat(q.object()).isEqualTo("CampaignMember");
    }

    @Test
    void singleQuotesInValuesAreEscapedSoTheyCannotCloseTheLiteral() {
        Cond c = Cond.eq("LastName", "O'Brien' OR Name != '");

        assertThat(c.soql()).isEqualTo("LastName = 'O\\'Brien\\' OR Name != \\''");
    }

    @Test
    void backslashesAreEscapedBeforeQuotes() {
        assertThat(Cond.eq("Company", "C:\\temp\\'x").soql()).isEqualTo("Company = 'C:\\\\temp\\\\\\'x'");
    }

    @Test
    void newlinesTabsAndDoubleQuotesBecomeEscapeSequences() {
        assertThat(Cond.eq("Description", "a\nb\r\tc\"d").soql()).isEqualTo("Description = 'a\\nb\\r\\tc\\\"d'");
    }

    @Test
    void otherControlCharactersAreRefused() {
        assertThatThrownBy(() -> Cond.eq("Name", "a\u0000b")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("U+0000");
    }

    @Test
    void percentAndUnderscoreAreLiteralInStartsWithContainsEndsWith() {
        assertThat(Cond.contains("Name", "50%_off").soql()).isEqualTo("Name LIKE '%50\\%\\_off%'");
        assertThat(Cond.startsWith("Name", "a_b").soql()).isEqualTo("Name LIKE 'a\\_b%'");
        assertThat(Cond.endsWith("Email", "%@x.com").soql()).isEqualTo("Email LIKE '%\\%@x.com'");
    }

    @Test
    void rawLikePatternKeepsWildcardsButStillEscapesQuotes() {
        assertThat(Cond.like("Name", "O'B%").soql()).isEqualTo("Name LIKE 'O\\'B%'");
    }

    @Test
    void fieldNamesThatAreNotIdentifiersAreRejected() {
        for (String bad : List.of("Name'", "Id FROM User", "Name;", "1Name", "", "Na me", "a.b.c.d.e.f", "Name__",
                "Campaign..Name")) {
            assertThatThrownBy(() -> Soql.select(bad), bad).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> Cond.eq(bad, "x"), bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void objectNamesThatAreNotIdentifiersAreRejected() {
        assertThatThrownBy(() -> Soql.select("Id").from("Lead WHERE Id != null"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("object name");
        assertThatThrownBy(() -> Soql.select("Id").from("Campaign.Name")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void customFieldsAndRelationshipPathsAreAccepted() {
        assertThat(Soql.select("Sync_Key__c", "Lead.Owner.Email", "ns__Thing__r.Name").from("Sync_Log__c").build()
                .text()).isEqualTo("SELECT Sync_Key__c, Lead.Owner.Email, ns__Thing__r.Name FROM Sync_Log__c");
    }

    @Test
    void emptyInListIsRejectedBecauseSoqlCannotExpressIt() {
        assertThatThrownBy(() -> Cond.in("Id", List.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Id");
    }

    @Test
    void mixedAndOrGetsParenthesised() {
        Cond c = Cond.eq("A", 1).or(Cond.eq("B", 2)).and(Cond.not(Cond.eq("C", true)));

        assertThat(c.soql()).isEqualTo("(A = 1 OR B = 2) AND NOT (C = TRUE)");
    }

    @Test
    void sameOperatorChainsStayFlat() {
        assertThat(Cond.allOf(Cond.eq("A", 1), Cond.eq("B", 2), Cond.eq("C", 3)).soql())
                .isEqualTo("A = 1 AND B = 2 AND C = 3");
    }

    @Test
    void literalsOfEachTypeRenderInSoqlSyntax() {
        assertThat(Cond.eq("IsActive", false).soql()).isEqualTo("IsActive = FALSE");
        assertThat(Cond.eq("ActualCost", 12.5).soql()).isEqualTo("ActualCost = 12.5");
        assertThat(Cond.eq("StartDate", LocalDate.of(2026, 3, 1)).soql()).isEqualTo("StartDate = 2026-03-01");
        assertThat(Cond.isNull("ContactId").soql()).isEqualTo("ContactId = NULL");
        assertThat(Cond.isNotNull("ContactId").soql()).isEqualTo("ContactId != NULL");
    }

    @Test
    void unsupportedValueTypesAreRefused() {
        assertThatThrownBy(() -> Cond.eq("Name", new Object())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java.lang.Object");
        assertThatThrownBy(() -> Cond.gt("Amount", Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void fractionalDatetimesRoundSoComparisonsStayExactOverWholeSecondData() {
        Instant t = Instant.parse("2026-03-01T10:00:00.400Z");

        assertThat(Cond.ge("SystemModstamp", t).soql()).endsWith(">= 2026-03-01T10:00:01Z");
        assertThat(Cond.gt("SystemModstamp", t).soql()).endsWith("> 2026-03-01T10:00:00Z");
        assertThat(Cond.le("SystemModstamp", t).soql()).endsWith("<= 2026-03-01T10:00:00Z");
        assertThat(Cond.lt("SystemModstamp", t).soql()).endsWith("< 2026-03-01T10:00:01Z");
        assertThatThrownBy(() -> Cond.eq("SystemModstamp", t)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void countQueriesSelectCount() {
        assertThat(Soql.selectCount().from("CampaignMember").where(Cond.eq("CampaignId", "701000000000001")).build()
                .text()).isEqualTo("SELECT COUNT() FROM CampaignMember WHERE CampaignId = '701000000000001'");
    }

    @Test
    void statementWithoutFromIsRejected() {
        assertThatThrownBy(() -> Soql.select("Id").build()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("FROM");
    }
}
