package dev.tandem.core.automation;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class QualificationRuleProperties {

    private static final Instant BASE = Instant.parse("2026-01-01T00:00:00Z");

    /** An interval rule lets a person through again exactly when N units, counted in hours, have passed. */
    @Property(tries = 500)
    void anIntervalQualifiesExactlyWhenItsHoursHavePassed(@ForAll @IntRange(min = 1, max = 60) int interval,
                                                          @ForAll QualificationRule.Unit unit,
                                                          @ForAll @LongRange(min = 0, max = 60L * 720 * 3600) long elapsedSeconds) {
        QualificationRule rule = QualificationRule.every(interval, unit);
        Instant now = BASE.plusSeconds(elapsedSeconds);

        boolean expected = Duration.ofSeconds(elapsedSeconds).compareTo(Duration.ofHours((long) interval * unit.hours())) >= 0;

        assertThat(rule.qualifies(BASE, now)).isEqualTo(expected);
    }
}
