package dev.tandem.server.automation.trigger;

import dev.tandem.core.automation.StatusConstraint;
import dev.tandem.server.automation.model.CampaignSelector;
import dev.tandem.server.automation.model.Trigger;
import dev.tandem.server.automation.queue.TriggerEvent;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class TriggerMatcherTest {

    private static final String SPRING = "701000000000001AAA";
    private static final String AUTUMN = "701000000000002AAA";

    private static TriggerEvent event(int type, Long subject, String campaign, String oldStatus, String newStatus) {
        return new TriggerEvent(1, 10, 100, type, Instant.EPOCH, subject, campaign, oldStatus, newStatus, null);
    }

    @Test
    void addedToSfdcCampaignMatchesListedCampaignsInEitherIdLength() {
        Trigger trigger = new Trigger.AddedToSfdcCampaign(CampaignSelector.of(SPRING.substring(0, 15)), null);

        assertThat(TriggerMatcher.matches(trigger, event(42, 5L, SPRING, null, "Sent"), 9)).isTrue();
        assertThat(TriggerMatcher.matches(trigger, event(42, 5L, AUTUMN, null, "Sent"), 9)).isFalse();
    }

    @Test
    void addedToAnyCampaignMatchesEvenAnUnknownCampaign() {
        Trigger trigger = new Trigger.AddedToSfdcCampaign(CampaignSelector.anyCampaign(), null);

        assertThat(TriggerMatcher.matches(trigger, event(42, null, null, null, "Sent"), 9)).isTrue();
    }

    @Test
    void addedToSfdcCampaignHonoursItsStatusConstraint() {
        Trigger trigger = new Trigger.AddedToSfdcCampaign(CampaignSelector.anyCampaign(), StatusConstraint.isNot("Sent"));

        assertThat(TriggerMatcher.matches(trigger, event(42, null, SPRING, null, "Responded"), 9)).isTrue();
        assertThat(TriggerMatcher.matches(trigger, event(42, null, SPRING, null, "Sent"), 9)).isFalse();
    }

    @Test
    void addedToSfdcCampaignIgnoresOtherActivities() {
        Trigger trigger = new Trigger.AddedToSfdcCampaign(CampaignSelector.anyCampaign(), null);

        assertThat(TriggerMatcher.matches(trigger, event(43, null, SPRING, "Sent", null), 9)).isFalse();
    }

    @Test
    void removedFromSfdcCampaignMatchesItsCampaign() {
        Trigger trigger = new Trigger.RemovedFromSfdcCampaign(CampaignSelector.of(SPRING));

        assertThat(TriggerMatcher.matches(trigger, event(43, null, SPRING, "Sent", null), 9)).isTrue();
        assertThat(TriggerMatcher.matches(trigger, event(43, null, AUTUMN, "Sent", null), 9)).isFalse();
    }

    @Test
    void statusChangedInSfdcCampaignChecksNewAndPreviousStatus() {
        Trigger trigger = new Trigger.StatusChangedInSfdcCampaign(CampaignSelector.of(SPRING),
                StatusConstraint.is("Attended"), StatusConstraint.is("Registered"));

        assertThat(TriggerMatcher.matches(trigger, event(44, null, SPRING, "Registered", "Attended"), 9)).isTrue();
        assertThat(TriggerMatcher.matches(trigger, event(44, null, SPRING, "Sent", "Attended"), 9)).isFalse();
        assertThat(TriggerMatcher.matches(trigger, event(44, null, SPRING, "Registered", "No Show"), 9)).isFalse();
        assertThat(TriggerMatcher.matches(trigger, event(44, null, AUTUMN, "Registered", "Attended"), 9)).isFalse();
    }

    @Test
    void programStatusChangedMatchesItsProgramAndStatuses() {
        Trigger trigger = new Trigger.ProgramStatusChanged(5, StatusConstraint.is("Attended"), null);

        assertThat(TriggerMatcher.matches(trigger, event(104, 5L, null, "Registered", "Attended"), 9)).isTrue();
        assertThat(TriggerMatcher.matches(trigger, event(104, 6L, null, "Registered", "Attended"), 9)).isFalse();
        assertThat(TriggerMatcher.matches(trigger, event(104, 5L, null, "Member", "Registered"), 9)).isFalse();
    }

    @Test
    void personCreatedMatchesNewLeads() {
        assertThat(TriggerMatcher.matches(new Trigger.PersonCreated(), event(12, null, null, null, null), 9)).isTrue();
        assertThat(TriggerMatcher.matches(new Trigger.PersonCreated(), event(104, 5L, null, null, null), 9)).isFalse();
    }

    @Test
    void campaignIsRequestedFiresOnlyTheRequestedCampaign() {
        assertThat(TriggerMatcher.matches(new Trigger.CampaignRequested(), event(47, 9L, null, null, null), 9)).isTrue();
        assertThat(TriggerMatcher.matches(new Trigger.CampaignRequested(), event(47, 8L, null, null, null), 9)).isFalse();
    }
}
