package dev.tandem.core.automation;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ChoicesTest {

    @Test
    void theFirstMatchingChoiceWinsEvenWhenLaterOnesAlsoMatch() {
        assertThat(Choices.firstMatch(List.of("a1", "b2", "c2"), s -> s.endsWith("2"))).contains("b2");
    }

    @Test
    void noMatchingChoiceLeavesTheDefault() {
        assertThat(Choices.firstMatch(List.of("a1", "b1"), s -> s.endsWith("2"))).isEmpty();
    }
}
