package dev.tandem.core.token;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MyTokenTest {

    @Test
    void eachTypeAcceptsItsValues() {
        assertThat(new MyToken("Event Date", TokenType.DATE, "2026-12-01").reference())
                .isEqualTo("{{my.Event Date}}");
        assertThat(new MyToken("Seats", TokenType.NUMBER, "12.5").value()).isEqualTo("12.5");
        assertThat(new MyToken("Campaign", TokenType.SFDC_CAMPAIGN, "701000000000001").type())
                .isEqualTo(TokenType.SFDC_CAMPAIGN);
        assertThat(new MyToken("Status", TokenType.TEXT, "Attended").value()).isEqualTo("Attended");
    }

    @Test
    void valuesTheTypeDoesNotAcceptAreRefusedNamingTheValueAndType() {
        assertThatThrownBy(() -> new MyToken("When", TokenType.DATE, "1 Dec"))
                .hasMessage("value: '1 Dec' is not a date such as 2026-12-01 (type date)");
        assertThatThrownBy(() -> new MyToken("Seats", TokenType.NUMBER, "many"))
                .hasMessageStartingWith("value: 'many' is not a number");
        assertThatThrownBy(() -> new MyToken("Campaign", TokenType.SFDC_CAMPAIGN, "00Q000000000001"))
                .hasMessageContaining("is not a Salesforce campaign id");
    }

    @Test
    void typesParseByTheirApiNamesAndUnknownOnesAreListed() {
        assertThat(TokenType.parse("SFDC Campaign")).isEqualTo(TokenType.SFDC_CAMPAIGN);
        assertThatThrownBy(() -> TokenType.parse("rich text"))
                .hasMessage("type: 'rich text' is not a token type (known: text, date, number, sfdc campaign)");
    }
}
