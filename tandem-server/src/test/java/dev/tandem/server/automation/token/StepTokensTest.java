package dev.tandem.server.automation.token;

import dev.tandem.server.automation.model.FlowAction;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class StepTokensTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Test
    void givenValues_thenCampaignAndStatusAreFilledIn() {
        StepTokens.Resolved r = StepTokens.resolve(new FlowAction.AddToSfdcCampaign("{{my.Campaign}}",
                "{{my.Status}}"), Map.of("campaign", "701000000000001", "status", "Responded"), PARIS);

        assertThat(r.runs()).isTrue();
        assertThat(r.action()).isEqualTo(new FlowAction.AddToSfdcCampaign("701000000000001", "Responded"));
    }

    @Test
    void givenACampaignTokenThatHoldsNoCampaignId_thenTheStepIsSkippedNamingTheValue() {
        StepTokens.Resolved r = StepTokens.resolve(new FlowAction.RemoveFromSfdcCampaign("{{my.Campaign}}"),
                Map.of("campaign", "Spring Launch"), PARIS);

        assertThat(r.skipReason()).isEqualTo("{{my.Campaign}} gives 'Spring Launch', which is not a Salesforce "
                + "campaign id (15 or 18 characters starting with 701)");
    }

    @Test
    void givenADateTokenAndAnOffset_thenTheWaitEndsThatLongBeforeTheDateInTheZone() {
        FlowAction.Wait wait = new FlowAction.Wait(null, null, null, "{{my.Event Date}}", Duration.ofDays(-1));

        StepTokens.Resolved r = StepTokens.resolve(wait, Map.of("event date", "2026-12-10"), PARIS);

        assertThat(r.action()).isEqualTo(FlowAction.Wait.until(Instant.parse("2026-12-08T23:00:00Z")));
    }

    @Test
    void givenAnEmptyValue_thenTheStepIsSkipped() {
        StepTokens.Resolved r = StepTokens.resolve(new FlowAction.ChangeProgramStatus(null, "{{my.Status}}"),
                Map.of("status", " "), PARIS);

        assertThat(r.skipReason()).isEqualTo("{{my.Status}} gives an empty status");
    }

    @Test
    void actionsWithoutReferencesAreReturnedAsTheyAre() {
        FlowAction action = new FlowAction.ChangeProgramStatus(4L, "Attended");

        assertThat(StepTokens.resolve(action, Map.of(), PARIS).action()).isSameAs(action);
    }
}
