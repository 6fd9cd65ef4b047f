package dev.tandem.server.sync.campaign;

import dev.tandem.core.channel.Channel;
import dev.tandem.core.channel.ProgressionStatus;
import dev.tandem.core.program.ProgramType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class StatusCompatibilityTest {

    static final Channel WEBINAR = new Channel(1, "Webinar", ProgramType.EVENT, List.of(
            ProgressionStatus.of("Invited", 10, false), ProgressionStatus.of("Registered", 20, false),
            ProgressionStatus.of("Attended", 30, true)));

    @Test
    void campaignWhoseMembersHoldOnlyChannelStatusesIsCompatible() {
        Compatibility result = StatusCompatibility.check(WEBINAR, Map.of("Invited", 3L, "Attended", 1L),
                List.of("Invited", "Attended", "Sent"));

        assertThat(result.compatible()).isTrue();
        assertThat(result.missing()).containsExactly("Registered");
    }

    @Test
    void statusInUseThatTheChannelLacksIsOffendingWithItsCount() {
        Compatibility result = StatusCompatibility.check(WEBINAR, Map.of("Sent", 4L, "Responded", 1L,
                "Invited", 2L), List.of("Sent", "Responded", "Invited"));

        assertThat(result.compatible()).isFalse();
        assertThat(result.offending()).containsExactly(new OffendingStatus("Responded", 1),
                new OffendingStatus("Sent", 4));
    }

    @Test
    void comparisonIsCaseSensitive() {
        Compatibility result = StatusCompatibility.check(WEBINAR, Map.of("attended", 1L), List.of("attended"));

        assertThat(result.offending()).containsExactly(new OffendingStatus("attended", 1));
        assertThat(result.missing()).containsExactly("Invited", "Registered", "Attended");
    }

    @Test
    void definedButUnusedForeignStatusesAreNotOffending() {
        Compatibility result = StatusCompatibility.check(WEBINAR, Map.of("Sent", 0L), List.of("Sent"));

        assertThat(result.compatible()).isTrue();
    }

    @Test
    void membersHoldingNotInProgramAreOffendingBecauseItIsNoMemberStatus() {
        Compatibility result = StatusCompatibility.check(WEBINAR, Map.of("Not in Program", 2L),
                List.of("Not in Program"));

        assertThat(result.offending()).containsExactly(new OffendingStatus("Not in Program", 2));
    }

    @Test
    void refusalNamesProgramCampaignChannelEachStatusWithCountAndTheFixes() {
        String message = StatusCompatibility.refusal("Spring Webinar", "Spring Campaign", "701000000000001AAA",
                "Webinar", List.of(new OffendingStatus("Responded", 1), new OffendingStatus("Sent", 4)));

        assertThat(message).contains("'Spring Webinar'", "'Spring Campaign'", "701000000000001AAA",
                "channel 'Webinar'", "'Responded' (1 member)", "'Sent' (4 members)", "link a different campaign",
                "matchStatuses.json", "in Salesforce", "add them to channel 'Webinar'");
    }
}
