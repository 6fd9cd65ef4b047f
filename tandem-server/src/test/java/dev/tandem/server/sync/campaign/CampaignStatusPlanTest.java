package dev.tandem.server.sync.campaign;

import dev.tandem.core.channel.Channel;
import dev.tandem.core.channel.ProgressionStatus;
import dev.tandem.core.program.ProgramType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CampaignStatusPlanTest {

    private static final CampaignStatus SENT = new CampaignStatus("01Y1", "Sent", 1, true, false);
    private static final CampaignStatus RESPONDED = new CampaignStatus("01Y2", "Responded", 2, false, true);
    private static final Channel WEBINAR = StatusCompatibilityTest.WEBINAR;

    @Test
    void newCampaignGetsEveryChannelStatusWithDefaultAndRespondedAndLosesSalesforceDefaults() {
        CampaignStatusPlan plan = CampaignStatusPlan.forNewCampaign(WEBINAR, List.of(SENT, RESPONDED));

        assertThat(plan.creates()).containsExactly(
                new CampaignStatusPlan.Create("Invited", 3, true, false),
                new CampaignStatusPlan.Create("Registered", 4, false, false),
                new CampaignStatusPlan.Create("Attended", 5, false, true));
        assertThat(plan.updates()).isEmpty();
        assertThat(plan.deletes()).containsExactly(SENT, RESPONDED);
    }

    @Test
    void newCampaignKeepsSalesforceDefaultThatTheChannelAlsoHasAlignedWithIt() {
        Channel email = new Channel(2, "Email Send", ProgramType.EMAIL, List.of(
                ProgressionStatus.of("Sent", 10, false), ProgressionStatus.of("Responded", 20, true)));

        CampaignStatusPlan plan = CampaignStatusPlan.forNewCampaign(email, List.of(SENT, RESPONDED));

        assertThat(plan.isEmpty()).isTrue();
    }

    @Test
    void newCampaignForChannelWithoutSuccessKeepsRespondedBecauseSalesforceNeedsOne() {
        Channel listImport = new Channel(3, "List Import", ProgramType.DEFAULT, List.of(
                ProgressionStatus.of("Member", 10, false)));

        CampaignStatusPlan plan = CampaignStatusPlan.forNewCampaign(listImport, List.of(SENT, RESPONDED));

        assertThat(plan.creates()).containsExactly(new CampaignStatusPlan.Create("Member", 3, true, false));
        assertThat(plan.deletes()).containsExactly(SENT);
    }

    @Test
    void existingCampaignOnlyGainsMissingStatusesAndTheLowestBecomesDefault() {
        CampaignStatus invited = new CampaignStatus("01Y3", "Invited", 7, false, false);
        CampaignStatus attended = new CampaignStatus("01Y4", "Attended", 8, false, false);

        CampaignStatusPlan plan = CampaignStatusPlan.forExistingCampaign(WEBINAR,
                List.of(SENT, RESPONDED, invited, attended));

        assertThat(plan.creates()).containsExactly(new CampaignStatusPlan.Create("Registered", 9, false, false));
        assertThat(plan.updates()).containsExactly(new CampaignStatusPlan.Update("01Y3", "Invited", true, false));
        assertThat(plan.deletes()).isEmpty();
    }

    @Test
    void campaignThatAlreadyMatchesNeedsNoWrites() {
        List<CampaignStatus> rows = List.of(new CampaignStatus("a", "Invited", 1, true, false),
                new CampaignStatus("b", "Registered", 2, false, false),
                new CampaignStatus("c", "Attended", 3, false, true));

        assertThat(CampaignStatusPlan.forExistingCampaign(WEBINAR, rows).isEmpty()).isTrue();
        assertThat(CampaignStatusPlan.forNewCampaign(WEBINAR, rows).isEmpty()).isTrue();
    }
}
