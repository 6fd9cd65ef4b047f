package dev.tandem.server.sync.push;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.server.sync.mirror.MirrorRow;
import dev.tandem.server.sync.outbox.DesiredState;
import dev.tandem.server.sync.outbox.MemberKey;
import org.junit.jupiter.api.Test;

class PushPlannerTest {

    private static final MirrorRow REGISTERED =
            new MirrorRow(new MemberKey(1, 2), "701000000000001AAA", "00v000000000001AAA", "Registered", null, null, null);

    @Test
    void aMemberSalesforceDoesNotHoldIsInserted() {
        assertThat(PushPlanner.plan(DesiredState.member("Registered"), null))
                .isEqualTo(new PushAction.Insert("Registered"));
    }

    @Test
    void aNewStatusUpdatesTheKnownCampaignMember() {
        assertThat(PushPlanner.plan(DesiredState.member("Attended"), REGISTERED))
                .isEqualTo(new PushAction.Update("00v000000000001AAA", "Registered", "Attended"));
    }

    @Test
    void aStatusSalesforceAlreadyHoldsNeedsNoCall() {
        assertThat(PushPlanner.plan(DesiredState.member("Registered"), REGISTERED)).isEqualTo(new PushAction.Nothing());
    }

    @Test
    void aRemovalDeletesTheKnownCampaignMember() {
        assertThat(PushPlanner.plan(DesiredState.REMOVED, REGISTERED))
                .isEqualTo(new PushAction.Delete("00v000000000001AAA", "Registered"));
    }

    @Test
    void aRemovalOfAMemberSalesforceDoesNotHoldNeedsNoCall() {
        assertThat(PushPlanner.plan(DesiredState.REMOVED, null)).isEqualTo(new PushAction.Nothing());
    }
}
