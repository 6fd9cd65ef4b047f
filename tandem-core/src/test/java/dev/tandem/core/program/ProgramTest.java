package dev.tandem.core.program;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProgramTest {

    @Test
    void nameIsTrimmed() {
        Program program = new Program(1, "  Spring launch ", null, ProgramType.DEFAULT, "Web", null, null, null,
                Instant.EPOCH, Instant.EPOCH);
        assertThat(program.name()).isEqualTo("Spring launch");
        assertThat(program.costs().isEmpty()).isTrue();
        assertThat(program.isLinked()).isFalse();
    }

    @Test
    void blankNameIsRejectedNamingTheField() {
        assertThatThrownBy(() -> Program.requireName(" ")).hasMessageStartingWith("name:");
    }

    @Test
    void nameLongerThan255IsRejected() {
        assertThatThrownBy(() -> Program.requireName("x".repeat(256))).hasMessageContaining("at most 255");
    }

    @Test
    void missingChannelIsRejected() {
        assertThatThrownBy(() -> new Program(1, "P", null, ProgramType.DEFAULT, "", null, null, null,
                Instant.EPOCH, Instant.EPOCH)).hasMessageStartingWith("channel:");
    }

    @Test
    void programWithCampaignIdIsLinked() {
        Program program = new Program(1, "P", null, ProgramType.DEFAULT, "Web", null, "701000000000001", "C",
                Instant.EPOCH, Instant.EPOCH);
        assertThat(program.isLinked()).isTrue();
    }
}
