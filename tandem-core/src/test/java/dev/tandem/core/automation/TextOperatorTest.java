package dev.tandem.core.automation;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TextOperatorTest {

    @Test
    void isMatchesAnyValueIgnoringCase() {
        assertThat(TextOperator.IS.matches("Acme", List.of("globex", "ACME"))).isTrue();
        assertThat(TextOperator.IS.matches("Acme Inc", List.of("acme"))).isFalse();
    }

    @Test
    void isNotMatchesNoneOfTheValues() {
        assertThat(TextOperator.IS_NOT.matches("Acme", List.of("globex"))).isTrue();
        assertThat(TextOperator.IS_NOT.matches("Acme", List.of("globex", "acme"))).isFalse();
    }

    @Test
    void containsLooksInsideTheValue() {
        assertThat(TextOperator.CONTAINS.matches("ann@acme.com", List.of("@ACME."))).isTrue();
        assertThat(TextOperator.CONTAINS.matches("ann@globex.com", List.of("@acme."))).isFalse();
    }

    @Test
    void startsWithLooksAtThePrefix() {
        assertThat(TextOperator.STARTS_WITH.matches("Annabel", List.of("ann"))).isTrue();
        assertThat(TextOperator.STARTS_WITH.matches("Joanne", List.of("ann"))).isFalse();
    }

    @Test
    void isEmptyHoldsForMissingAndBlankValues() {
        assertThat(TextOperator.IS_EMPTY.matches(null, List.of())).isTrue();
        assertThat(TextOperator.IS_EMPTY.matches("  ", List.of())).isTrue();
        assertThat(TextOperator.IS_EMPTY.matches("x", List.of())).isFalse();
    }

    @Test
    void aMissingValueIsNotAnyValue() {
        assertThat(TextOperator.IS.matches(null, List.of("acme"))).isFalse();
        assertThat(TextOperator.IS_NOT.matches(null, List.of("acme"))).isTrue();
    }

    @Test
    void operatorsParseFromLabelsAndCamelCase() {
        assertThat(TextOperator.parse("starts with")).isEqualTo(TextOperator.STARTS_WITH);
        assertThat(TextOperator.parse("isNot")).isEqualTo(TextOperator.IS_NOT);
        assertThat(TextOperator.parse("IS_EMPTY")).isEqualTo(TextOperator.IS_EMPTY);
        assertThatThrownBy(() -> TextOperator.parse("ends with")).hasMessageContaining("is not an operator");
    }
}
