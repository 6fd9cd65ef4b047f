package dev.tandem.core.automation;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QualificationRuleTest {

    private static final Instant SUNDAY_10PM = Instant.parse("2026-11-29T22:00:00Z");

    @Test
    void everyoneQualifiesTheFirstTimeWhateverTheRule() {
        assertThat(QualificationRule.once().qualifies(null, SUNDAY_10PM)).isTrue();
        assertThat(QualificationRule.everyTime().qualifies(null, SUNDAY_10PM)).isTrue();
        assertThat(QualificationRule.every(1, QualificationRule.Unit.DAY).qualifies(null, SUNDAY_10PM)).isTrue();
    }

    @Test
    void onceNeverQualifiesAgain() {
        assertThat(QualificationRule.once().qualifies(SUNDAY_10PM, SUNDAY_10PM.plus(Duration.ofDays(3650)))).isFalse();
    }

    @Test
    void everyTimeAlwaysQualifiesAgain() {
        assertThat(QualificationRule.everyTime().qualifies(SUNDAY_10PM, SUNDAY_10PM)).isTrue();
    }

    @Test
    void onceADayMeansTwentyFourHoursLater() {
        QualificationRule daily = QualificationRule.every(1, QualificationRule.Unit.DAY);
        assertThat(daily.qualifies(SUNDAY_10PM, Instant.parse("2026-11-30T21:59:59Z"))).isFalse();
        assertThat(daily.qualifies(SUNDAY_10PM, Instant.parse("2026-11-30T22:00:00Z"))).isTrue();
    }

    @Test
    void unitsCountInHoursWithAMonthOfThirtyDays() {
        assertThat(QualificationRule.every(3, QualificationRule.Unit.HOUR).period()).isEqualTo(Duration.ofHours(3));
        assertThat(QualificationRule.every(1, QualificationRule.Unit.WEEK).period()).isEqualTo(Duration.ofHours(168));
        assertThat(QualificationRule.every(2, QualificationRule.Unit.MONTH).period()).isEqualTo(Duration.ofHours(1440));
        QualificationRule monthly = QualificationRule.every(1, QualificationRule.Unit.MONTH);
        assertThat(monthly.qualifies(SUNDAY_10PM, SUNDAY_10PM.plus(Duration.ofDays(30)).minusSeconds(1))).isFalse();
        assertThat(monthly.qualifies(SUNDAY_10PM, SUNDAY_10PM.plus(Duration.ofDays(30)))).isTrue();
    }

    @Test
    void anIntervalNeedsAPositiveCountAndAUnit() {
        assertThatThrownBy(() -> QualificationRule.every(0, QualificationRule.Unit.DAY)).hasMessageContaining("interval");
        assertThatThrownBy(() -> new QualificationRule(QualificationRule.Kind.INTERVAL, 2, null))
                .hasMessageContaining("unit");
    }

    @Test
    void kindsAndUnitsParseMarketoAndTandemSpellings() {
        assertThat(QualificationRule.Kind.parse("any")).isEqualTo(QualificationRule.Kind.EVERY_TIME);
        assertThat(QualificationRule.Kind.parse("Every Time")).isEqualTo(QualificationRule.Kind.EVERY_TIME);
        assertThat(QualificationRule.Unit.parse("days")).isEqualTo(QualificationRule.Unit.DAY);
        assertThatThrownBy(() -> QualificationRule.Unit.parse("fortnight")).hasMessageContaining("hour, day, week, month");
    }
}
