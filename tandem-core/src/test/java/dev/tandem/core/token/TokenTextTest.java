package dev.tandem.core.token;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TokenTextTest {

    @Test
    void referencesAreFoundInOrderOnceEachIgnoringSpacesAroundTheName() {
        assertThat(TokenText.references("{{my.Status}} and {{ my.Campaign }} then {{my.Status}}"))
                .containsExactly("Status", "Campaign");
        assertThat(TokenText.hasReference("Attended")).isFalse();
    }

    @Test
    void givenValuesForEveryReference_thenTheTextHasThemInPlace() {
        TokenText.Resolution r = TokenText.resolve("{{my.Prefix}}-{{MY.event date}}",
                Map.of("prefix", "EV", "event date", "2026-12-01"));

        assertThat(r.complete()).isTrue();
        assertThat(r.text()).isEqualTo("EV-2026-12-01");
    }

    @Test
    void givenAReferenceWithoutAValue_thenItIsReportedAndLeftInPlace() {
        TokenText.Resolution r = TokenText.resolve("{{my.Status}}", Map.of());

        assertThat(r.complete()).isFalse();
        assertThat(r.missing()).isEqualTo(List.of("Status"));
        assertThat(r.text()).isEqualTo("{{my.Status}}");
    }

    @Test
    void valuesWithReplacementCharactersAreInsertedLiterally() {
        assertThat(TokenText.resolve("{{my.Price}}", Map.of("price", "$5\\x")).text()).isEqualTo("$5\\x");
    }

    @Test
    void namesAreGivenBareOrAsAReference() {
        assertThat(TokenText.nameOf("{{my.Event Date}}")).isEqualTo("Event Date");
        assertThat(TokenText.nameOf(" Event Date ")).isEqualTo("Event Date");
        assertThatThrownBy(() -> TokenText.nameOf("{{trigger.Name}}")).hasMessageStartingWith("name:");
        assertThatThrownBy(() -> TokenText.nameOf(" ")).hasMessage("name: required");
    }
}
