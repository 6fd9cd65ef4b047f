package dev.tandem.core.automation;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FilterLogicTest {

    @Test
    void allNeedsEveryFilter() {
        assertThat(FilterLogic.all().passes(2, Set.of(1, 2)::contains)).isTrue();
        assertThat(FilterLogic.all().passes(2, Set.of(1)::contains)).isFalse();
    }

    @Test
    void anyNeedsOneFilter() {
        assertThat(FilterLogic.any().passes(2, Set.of(2)::contains)).isTrue();
        assertThat(FilterLogic.any().passes(2, Set.<Integer>of()::contains)).isFalse();
    }

    @Test
    void noFiltersLetEveryonePass() {
        assertThat(FilterLogic.all().passes(0, n -> false)).isTrue();
        assertThat(FilterLogic.any().passes(0, n -> false)).isTrue();
    }

    @Test
    void advancedLogicNeedsAtLeastThreeFilters() {
        assertThatThrownBy(() -> FilterLogic.advanced("1 or 2", 2))
                .isInstanceOf(InvalidExpressionException.class)
                .hasMessageContaining("at least 3 filters");
    }

    @Test
    void advancedLogicEvaluatesItsExpression() {
        FilterLogic logic = FilterLogic.advanced("1 and (2 or 3)", 3);
        assertThat(logic.passes(3, Set.of(1, 2)::contains)).isTrue();
        assertThat(logic.passes(3, Set.of(2, 3)::contains)).isFalse();
    }

    @Test
    void matchTypesParseIgnoringCase() {
        assertThat(FilterLogic.MatchType.parse("Advanced")).isEqualTo(FilterLogic.MatchType.ADVANCED);
        assertThatThrownBy(() -> FilterLogic.MatchType.parse("some")).hasMessageContaining("all, any, advanced");
    }
}
