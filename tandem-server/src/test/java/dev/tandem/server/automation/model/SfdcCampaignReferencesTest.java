package dev.tandem.server.automation.model;

import dev.tandem.core.automation.FilterLogic;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SfdcCampaignReferencesTest {

    private static final String A = "701000000000001AAA";
    private static final String B = "701000000000002AAA";
    private static final String C = "701000000000003AAA";
    private static final String D = "701000000000004AAA";

    @Test
    void triggersFiltersChoicesAndCampaignActionsAreReferences() {
        SmartList list = new SmartList(List.of(new Trigger.AddedToSfdcCampaign(CampaignSelector.of(A), null),
                new Trigger.PersonCreated()),
                List.of(new Filter.MemberOfSfdcCampaign(true, List.of(B), null)), FilterLogic.all());
        List<FlowStep> flow = List.of(
                new FlowStep(List.of(new FlowStep.Choice(new Filter.MemberOfSfdcCampaign(false, List.of(C), null),
                        new FlowAction.RemoveFromSfdcCampaign(D))), new FlowAction.DoNothing()));

        assertThat(SfdcCampaignReferences.of(list, flow)).containsOnlyKeys("701000000000001", "701000000000002",
                "701000000000003", "701000000000004");
    }

    @Test
    void anyCampaignNamesNoneAndBothSpellingsOfOneIdCountOnceAsTheLongOne() {
        SmartList list = new SmartList(List.of(new Trigger.RemovedFromSfdcCampaign(CampaignSelector.anyCampaign()),
                new Trigger.StatusChangedInSfdcCampaign(CampaignSelector.of(A.substring(0, 15)), null, null)),
                List.of(), FilterLogic.all());
        List<FlowStep> flow = List.of(FlowStep.of(new FlowAction.ChangeStatusInSfdcCampaign(A, "Sent")));

        assertThat(SfdcCampaignReferences.of(list, flow)).containsExactlyEntriesOf(
                java.util.Map.of("701000000000001", A));
    }
}
