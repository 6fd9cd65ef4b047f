package dev.tandem.core.channel;

import dev.tandem.core.program.ProgramType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChannelTest {

    private final Channel webinar = new Channel(1, "Webinar", ProgramType.EVENT, List.of(
            ProgressionStatus.of("Registered", 20, false),
            ProgressionStatus.of("Member", 10, false),
            ProgressionStatus.of("Attended", 30, true),
            ProgressionStatus.of("No Show", 30, false)));

    @Test
    void notInProgramIsAddedAtStepZeroWhenMissing() {
        assertThat(webinar.statuses().get(0)).isEqualTo(ProgressionStatus.of("Not in Program", 0, false));
        assertThat(webinar.notInProgram().isNotInProgram()).isTrue();
    }

    @Test
    void statusesAreOrderedByStepKeepingGivenOrderForEqualSteps() {
        assertThat(webinar.statuses()).extracting(ProgressionStatus::name)
                .containsExactly("Not in Program", "Member", "Registered", "Attended", "No Show");
    }

    @Test
    void notInProgramAtAnotherStepIsRejected() {
        assertThatThrownBy(() -> new Channel(1, "Bad", ProgramType.DEFAULT, List.of(
                ProgressionStatus.of("Not in Program", 5, false), ProgressionStatus.of("Member", 10, false))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("step 0");
    }

    @Test
    void anotherStatusAtStepZeroIsRejected() {
        assertThatThrownBy(() -> new Channel(1, "Bad", ProgramType.DEFAULT, List.of(
                ProgressionStatus.of("Member", 0, false))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reserved");
    }

    @Test
    void duplicateStatusNamesAreRejected() {
        assertThatThrownBy(() -> new Channel(1, "Bad", ProgramType.DEFAULT, List.of(
                ProgressionStatus.of("Member", 10, false), ProgressionStatus.of("Member", 20, false))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("appears twice");
    }

    @Test
    void channelWithoutMemberStatusesIsRejected() {
        assertThatThrownBy(() -> new Channel(1, "Empty", ProgramType.DEFAULT, List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one member status");
    }

    @Test
    void statusLookupIsExactAndCaseSensitive() {
        assertThat(webinar.status("Attended")).isPresent();
        assertThat(webinar.status("attended")).isEmpty();
        assertThat(webinar.status("Attended ")).isEmpty();
    }

    @Test
    void memberStatusesExcludeNotInProgram() {
        assertThat(webinar.memberStatuses()).extracting(ProgressionStatus::name)
                .containsExactly("Member", "Registered", "Attended", "No Show");
    }

    @Test
    void lowestMemberStatusIsTheFirstStepAboveZero() {
        assertThat(webinar.lowestMemberStatus().name()).isEqualTo("Member");
    }

    @Test
    void channelAppliesOnlyToItsProgramType() {
        assertThat(webinar.appliesTo(ProgramType.EVENT)).isTrue();
        assertThat(webinar.appliesTo(ProgramType.DEFAULT)).isFalse();
    }

    @Test
    void statusWithNegativeStepIsRejected() {
        assertThatThrownBy(() -> ProgressionStatus.of("Member", -1, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("step");
    }
}
