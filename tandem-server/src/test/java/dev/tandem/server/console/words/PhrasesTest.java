package dev.tandem.server.console.words;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PhrasesTest {

    @Test
    void ordinalsFollowEnglishSuffixesIncludingTheTeens() {
        assertThat(List.of(1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 31).stream().map(Phrases::ordinal))
                .containsExactly("1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "23rd", "31st");
    }

    @Test
    void listsJoinTheLastTwoWithTheConjunction() {
        assertThat(Phrases.and(List.of("a"))).isEqualTo("a");
        assertThat(Phrases.and(List.of("a", "b"))).isEqualTo("a and b");
        assertThat(Phrases.or(List.of("a", "b", "c"))).isEqualTo("a, b or c");
    }
}
