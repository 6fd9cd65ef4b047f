package dev.tandem.core.automation;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StatusConstraintTest {

    @Test
    void isMatchesListedStatusesExactly() {
        assertThat(StatusConstraint.is("Attended", "No Show").matches("Attended")).isTrue();
        assertThat(StatusConstraint.is("Attended").matches("attended")).isFalse();
    }

    @Test
    void isNotMatchesEverythingElseIncludingNoStatus() {
        assertThat(StatusConstraint.isNot("Attended").matches("Registered")).isTrue();
        assertThat(StatusConstraint.isNot("Attended").matches("Attended")).isFalse();
        assertThat(StatusConstraint.isNot("Attended").matches(null)).isTrue();
    }

    @Test
    void aConstraintNeedsAStatus() {
        assertThatThrownBy(() -> new StatusConstraint(false, java.util.List.of())).hasMessageContaining("at least one");
    }

    @Test
    void operatorsParse() {
        assertThat(StatusConstraint.parseNegated("is not")).isTrue();
        assertThat(StatusConstraint.parseNegated("IS")).isFalse();
        assertThatThrownBy(() -> StatusConstraint.parseNegated("contains")).hasMessageContaining("is, is not");
    }
}
