package dev.tandem.server.console.words;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.util.EnumSet;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SATURDAY;
import static java.time.DayOfWeek.SUNDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.TUESDAY;
import static java.time.DayOfWeek.WEDNESDAY;
import static org.assertj.core.api.Assertions.assertThat;

class DayWordsTest {

    @Test
    void givenThreeOrMoreConsecutiveDays_thenTheyAreARange() {
        assertThat(DayWords.shortRanges(EnumSet.range(MONDAY, FRIDAY))).isEqualTo("Mon–Fri");
        assertThat(DayWords.shortRanges(EnumSet.of(MONDAY, WEDNESDAY, THURSDAY, FRIDAY))).isEqualTo("Mon, Wed–Fri");
    }

    @Test
    void givenTwoConsecutiveDays_thenBothAreNamed() {
        assertThat(DayWords.shortRanges(EnumSet.of(SATURDAY, SUNDAY))).isEqualTo("Sat, Sun");
    }

    @Test
    void givenEveryDay_thenItIsAnyDay() {
        assertThat(DayWords.shortRanges(EnumSet.allOf(DayOfWeek.class))).isEqualTo("any day");
    }

    @Test
    void givenDaysInAnyOrder_thenTheFullListStartsOnMondayAndEndsWithAnd() {
        assertThat(DayWords.fullList(EnumSet.of(FRIDAY, TUESDAY, MONDAY))).isEqualTo("Monday, Tuesday and Friday");
    }
}
