package dev.tandem.server.automation.filter;

import dev.tandem.core.automation.FilterLogic;
import dev.tandem.core.automation.StatusConstraint;
import dev.tandem.core.automation.TextOperator;
import dev.tandem.core.person.Person;
import dev.tandem.core.person.SfdcType;
import dev.tandem.server.automation.model.Filter;
import dev.tandem.server.automation.model.PersonAttribute;
import dev.tandem.server.automation.model.SmartList;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class FilterEvaluatorTest {

    private static final String SPRING = "701000000000001AAA";
    private static final String AUTUMN = "701000000000002AAA";

    private static final PersonFacts ANN = new PersonFacts(new Person(1, "ann@acme.com", "Ann", "Smith", "Acme",
            null, null, SfdcType.LEAD, "00Q000000000001AAA", false, null, null, Instant.EPOCH, Instant.EPOCH),
            Map.of(5L, "Attended"), Map.of(SPRING.substring(0, 15), "Responded"));

    @Test
    void memberOfProgramChecksMembershipAndStatus() {
        assertThat(FilterEvaluator.matches(new Filter.MemberOfProgram(true, 5, null), ANN)).isTrue();
        assertThat(FilterEvaluator.matches(new Filter.MemberOfProgram(true, 6, null), ANN)).isFalse();
        assertThat(FilterEvaluator.matches(new Filter.MemberOfProgram(true, 5, StatusConstraint.is("Registered")), ANN))
                .isFalse();
        assertThat(FilterEvaluator.matches(new Filter.MemberOfProgram(false, 6, null), ANN)).isTrue();
        assertThat(FilterEvaluator.matches(new Filter.MemberOfProgram(false, 5, StatusConstraint.is("Attended")), ANN))
                .isFalse();
    }

    @Test
    void memberOfSfdcCampaignChecksAnyListedCampaignAndStatus() {
        assertThat(FilterEvaluator.matches(new Filter.MemberOfSfdcCampaign(true, List.of(AUTUMN, SPRING), null), ANN))
                .isTrue();
        assertThat(FilterEvaluator.matches(new Filter.MemberOfSfdcCampaign(true, List.of(AUTUMN), null), ANN)).isFalse();
        assertThat(FilterEvaluator.matches(new Filter.MemberOfSfdcCampaign(true, List.of(SPRING),
                StatusConstraint.isNot("Responded")), ANN)).isFalse();
        assertThat(FilterEvaluator.matches(new Filter.MemberOfSfdcCampaign(false, List.of(AUTUMN), null), ANN)).isTrue();
        assertThat(FilterEvaluator.matches(new Filter.MemberOfSfdcCampaign(false, List.of(SPRING), null), ANN)).isFalse();
    }

    @Test
    void personAttributesAreComparedWithTheirOperator() {
        assertThat(FilterEvaluator.matches(new Filter.AttributeMatches(PersonAttribute.EMAIL, TextOperator.CONTAINS,
                List.of("@acme.")), ANN)).isTrue();
        assertThat(FilterEvaluator.matches(new Filter.AttributeMatches(PersonAttribute.FIRST_NAME, TextOperator.IS,
                List.of("ann")), ANN)).isTrue();
        assertThat(FilterEvaluator.matches(new Filter.AttributeMatches(PersonAttribute.LAST_NAME, TextOperator.IS_NOT,
                List.of("Smith")), ANN)).isFalse();
        assertThat(FilterEvaluator.matches(new Filter.AttributeMatches(PersonAttribute.COMPANY, TextOperator.STARTS_WITH,
                List.of("Ac")), ANN)).isTrue();
        assertThat(FilterEvaluator.matches(new Filter.AttributeMatches(PersonAttribute.SFDC_TYPE, TextOperator.IS,
                List.of("Lead")), ANN)).isTrue();
        assertThat(FilterEvaluator.matches(new Filter.AttributeMatches(PersonAttribute.COMPANY, TextOperator.IS_EMPTY,
                List.of()), ANN)).isFalse();
    }

    @Test
    void theSmartListCombinesFiltersWithItsLogic() {
        Filter yes = new Filter.MemberOfProgram(true, 5, null);
        Filter no = new Filter.MemberOfProgram(true, 6, null);

        assertThat(FilterEvaluator.passes(new SmartList(List.of(), List.of(yes, no), FilterLogic.all()), ANN)).isFalse();
        assertThat(FilterEvaluator.passes(new SmartList(List.of(), List.of(yes, no), FilterLogic.any()), ANN)).isTrue();
        assertThat(FilterEvaluator.passes(new SmartList(List.of(), List.of(no, yes, yes),
                FilterLogic.advanced("1 or (2 and 3)", 3)), ANN)).isTrue();
        assertThat(FilterEvaluator.passes(new SmartList(List.of(), List.of(no, yes, yes),
                FilterLogic.advanced("1 and (2 or 3)", 3)), ANN)).isFalse();
    }
}
