package dev.tandem.server.sync.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.core.channel.Channel;
import dev.tandem.core.channel.ProgressionStatus;
import dev.tandem.core.program.ProgramType;
import java.util.List;
import org.junit.jupiter.api.Test;

class MergeRulesTest {

    private static final Channel WEBINAR = new Channel(1, "Webinar", ProgramType.EVENT, List.of(
            ProgressionStatus.of("Invited", 1, false),
            ProgressionStatus.of("Registered", 2, false),
            ProgressionStatus.of("No Show", 3, false),
            ProgressionStatus.of("Attended", 3, true)));

    @Test
    void aTandemOnlyMemberIsPushed() {
        assertThat(MergeRules.merge(WEBINAR, "Registered", null))
                .isEqualTo(new MemberMerge.PushToSalesforce("Registered", null));
    }

    @Test
    void aSalesforceOnlyMemberIsPulled() {
        assertThat(MergeRules.merge(WEBINAR, null, "Invited")).isEqualTo(new MemberMerge.PullToTandem("Invited", null));
    }

    @Test
    void theHigherStepWins() {
        assertThat(MergeRules.merge(WEBINAR, "Invited", "Attended"))
                .isEqualTo(new MemberMerge.PullToTandem("Attended", "Invited"));
        assertThat(MergeRules.merge(WEBINAR, "Attended", "Invited"))
                .isEqualTo(new MemberMerge.PushToSalesforce("Attended", "Invited"));
    }

    @Test
    void tandemWinsATieBetweenEqualSteps() {
        assertThat(MergeRules.merge(WEBINAR, "No Show", "Attended"))
                .isEqualTo(new MemberMerge.PushToSalesforce("No Show", "Attended"));
    }

    @Test
    void equalStatusesAreInStep() {
        assertThat(MergeRules.merge(WEBINAR, "Registered", "Registered")).isEqualTo(new MemberMerge.InStep());
    }

    @Test
    void aSalesforceStatusUnknownToTheChannelLosesToTandem() {
        assertThat(MergeRules.merge(WEBINAR, "Invited", "Responded"))
                .isEqualTo(new MemberMerge.PushToSalesforce("Invited", "Responded"));
    }

    @Test
    void aSalesforceOnlyMemberWithAnUnknownStatusCannotBeMapped() {
        assertThat(MergeRules.merge(WEBINAR, null, "Responded")).isEqualTo(new MemberMerge.Unmappable("Responded"));
        assertThat(MergeRules.merge(WEBINAR, null, Channel.NOT_IN_PROGRAM))
                .isEqualTo(new MemberMerge.Unmappable(Channel.NOT_IN_PROGRAM));
    }
}
