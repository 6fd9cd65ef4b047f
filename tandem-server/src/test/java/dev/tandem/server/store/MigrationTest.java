package dev.tandem.server.store;

import dev.tandem.core.channel.Channel;
import dev.tandem.core.program.ProgramType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MigrationTest extends DatabaseTest {

    private final ChannelDao channels = new ChannelDao();

    @Test
    void defaultChannelsAreSeeded() {
        List<String> names = database().jdbi().withHandle(h -> channels.list(h, 100, 0)).stream()
                .map(c -> c.channel().name()).toList();
        assertThat(names).contains("Email Send", "Webinar", "Tradeshow", "Online Advertising", "Content", "Web",
                "List Import", "Operational", "Nurture");
    }

    @Test
    void everySeededChannelHasNotInProgramAtStepZeroWithAnId() {
        for (StoredChannel stored : database().jdbi().withHandle(h -> channels.list(h, 100, 0))) {
            assertThat(stored.channel().notInProgram().step()).isZero();
            assertThat(stored.statusId(Channel.NOT_IN_PROGRAM)).isNotNull();
        }
    }

    @Test
    void seededWebinarFollowsTheRecommendedSteps() {
        Channel webinar = database().jdbi().withHandle(h -> channels.byName(h, "Webinar")).orElseThrow().channel();
        assertThat(webinar.applicableProgramType()).isEqualTo(ProgramType.EVENT);
        assertThat(webinar.status("Attended").orElseThrow().success()).isTrue();
        assertThat(webinar.status("Attended").orElseThrow().step()).isEqualTo(30);
        assertThat(webinar.status("No Show").orElseThrow().success()).isFalse();
        assertThat(webinar.lowestMemberStatus().name()).isEqualTo("Member");
    }

    @Test
    void addedChannelGetsAnIdAfterTheSeededOnes() {
        Channel party = new Channel(0, "Party", ProgramType.EVENT,
                List.of(dev.tandem.core.channel.ProgressionStatus.of("Invited", 10, false),
                        dev.tandem.core.channel.ProgressionStatus.of("Attended", 20, true)));
        StoredChannel stored = database().jdbi().inTransaction(h -> channels.insert(h, party, java.time.Instant.now()));
        assertThat(stored.channel().id()).isGreaterThan(10);
        assertThat(stored.channel().statuses()).hasSize(3);
    }

    @Test
    void urlThatIsNotJdbcIsRejectedNamingTheField() {
        assertThatThrownBy(() -> Database.open("postgres://localhost/test", "u", "p"))
                .hasMessageStartingWith("jdbcUrl:");
    }
}
