package dev.tandem.core.automation;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FilterExpressionParserTest {

    private static boolean eval(String expression, int count, Integer... matching) {
        Set<Integer> matches = Set.of(matching);
        return FilterExpressionParser.parse(expression, count).evaluate(matches::contains);
    }

    @Test
    void andBindsAllOperands() {
        assertThat(eval("1 and 2 and 3", 3, 1, 2, 3)).isTrue();
        assertThat(eval("1 and 2 and 3", 3, 1, 3)).isFalse();
    }

    @Test
    void orNeedsOneOperand() {
        assertThat(eval("1 or 2 or 3", 3, 2)).isTrue();
        assertThat(eval("1 or 2 or 3", 3)).isFalse();
    }

    @Test
    void parenthesesGroupAnOrInsideAnAnd() {
        assertThat(eval("1 and (2 or 3)", 3, 1, 3)).isTrue();
        assertThat(eval("1 and (2 or 3)", 3, 2, 3)).isFalse();
        assertThat(eval("1 and (2 or 3)", 3, 1)).isFalse();
    }

    @Test
    void nestedParenthesesAreAllowedWithFourOrMoreFilters() {
        assertThat(eval("(1 or (2 and 3)) and 4", 4, 2, 3, 4)).isTrue();
        assertThat(eval("(1 or (2 and 3)) and 4", 4, 2, 4)).isFalse();
    }

    @Test
    void operatorsIgnoreCase() {
        assertThat(eval("1 AND (2 Or 3)", 3, 1, 2)).isTrue();
    }

    @Test
    void mixingAndWithOrWithoutParenthesesIsRefusedAtTheSecondOperator() {
        assertThatThrownBy(() -> FilterExpressionParser.parse("1 and 2 or 3", 3))
                .isInstanceOf(InvalidExpressionException.class)
                .hasMessageContaining("mixed without parentheses")
                .satisfies(e -> assertThat(((InvalidExpressionException) e).position()).isEqualTo(8));
    }

    @Test
    void aFilterNumberBeyondTheListIsRefused() {
        assertThatThrownBy(() -> FilterExpressionParser.parse("1 and (2 or 4)", 3))
                .hasMessageContaining("filter 4 does not exist");
    }

    @Test
    void filterZeroDoesNotExist() {
        assertThatThrownBy(() -> FilterExpressionParser.parse("0 and 1 and 2 and 3", 3))
                .hasMessageContaining("filter 0 does not exist");
    }

    @Test
    void anUnusedFilterIsRefused() {
        assertThatThrownBy(() -> FilterExpressionParser.parse("1 and 2", 3))
                .hasMessageContaining("filter 3 is not used");
    }

    @Test
    void anUnclosedParenthesisIsRefused() {
        assertThatThrownBy(() -> FilterExpressionParser.parse("1 and (2 or 3", 3))
                .hasMessageContaining("missing ')'");
    }

    @Test
    void aStrayClosingParenthesisIsRefused() {
        assertThatThrownBy(() -> FilterExpressionParser.parse("1 and 2) or 3", 3))
                .hasMessageContaining("unexpected ')'");
    }

    @Test
    void aDanglingOperatorIsRefused() {
        assertThatThrownBy(() -> FilterExpressionParser.parse("1 and 2 and", 2))
                .hasMessageContaining("expression ends");
    }

    @Test
    void unknownWordsAndSymbolsAreRefused() {
        assertThatThrownBy(() -> FilterExpressionParser.parse("1 xor 2 and 3", 3)).hasMessageContaining("unknown word 'xor'");
        assertThatThrownBy(() -> FilterExpressionParser.parse("1 && 2 && 3", 3)).hasMessageContaining("unexpected character '&'");
    }

    @Test
    void anEmptyExpressionIsRefused() {
        assertThatThrownBy(() -> FilterExpressionParser.parse("  ", 3)).hasMessageContaining("empty");
    }

    @Test
    void twoNumbersInARowAreRefused() {
        assertThatThrownBy(() -> FilterExpressionParser.parse("1 2 and 3", 3)).hasMessageContaining("unexpected '2'");
    }
}
