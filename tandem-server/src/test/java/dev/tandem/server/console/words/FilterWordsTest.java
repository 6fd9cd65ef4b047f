package dev.tandem.server.console.words;

import dev.tandem.core.automation.StatusConstraint;
import dev.tandem.core.automation.TextOperator;
import dev.tandem.server.automation.model.Filter;
import dev.tandem.server.automation.model.PersonAttribute;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class FilterWordsTest {

    @Test
    void givenNotMemberOfCampaignsWithStatusesNot_thenBothListsReadWithOr() {
        Filter filter = new Filter.MemberOfSfdcCampaign(false, List.of("701A", "701B"),
                StatusConstraint.isNot("Sent", "Responded"));

        assertThat(FilterWords.describe(filter, Map.of()))
                .isEqualTo("not member of SFDC campaign 701A or 701B with status is not “Sent” or “Responded”");
    }

    @Test
    void givenAnIsEmptyAttributeTest_thenNoValuesAreRead() {
        Filter filter = new Filter.AttributeMatches(PersonAttribute.COMPANY, TextOperator.IS_EMPTY, List.of());

        assertThat(FilterWords.describe(filter, Map.of())).isEqualTo("company is empty");
    }
}
