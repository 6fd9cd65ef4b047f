package dev.tandem.salesforce.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReplayRuleTest {

    @Test
    void idempotentRequestsAreReplayedOnAnyTransientFailure() {
        assertThat(ReplayRule.mayReplayAfterResponse(true, 503, "HTTP_503", false)).isTrue();
        assertThat(ReplayRule.mayReplayAfterResponse(true, 400, "UNABLE_TO_LOCK_ROW", true)).isTrue();
        assertThat(ReplayRule.mayReplayAfterIoFailure(true, false)).isTrue();
    }

    @Test
    void dataErrorsAreNeverReplayed() {
        assertThat(ReplayRule.mayReplayAfterResponse(true, 400, "REQUIRED_FIELD_MISSING", true)).isFalse();
        assertThat(ReplayRule.mayReplayAfterResponse(true, 400, "DUPLICATE_VALUE", true)).isFalse();
    }

    @Test
    void nonIdempotentRequestIsReplayedWhenSalesforceRefusedItWithItsOwnErrorBody() {
        assertThat(ReplayRule.mayReplayAfterResponse(false, 503, "SERVER_UNAVAILABLE", true)).isTrue();
        assertThat(ReplayRule.mayReplayAfterResponse(false, 400, "UNABLE_TO_LOCK_ROW", true)).isTrue();
    }

    @Test
    void nonIdempotentRequestIsNotReplayedWhenTheOutcomeIsUnknown() {
        assertThat(ReplayRule.mayReplayAfterResponse(false, 502, "HTTP_502", false)).isFalse();
        assertThat(ReplayRule.mayReplayAfterIoFailure(false, false)).isFalse();
    }

    @Test
    void nonIdempotentRequestIsReplayedWhenTheConnectionNeverOpened() {
        assertThat(ReplayRule.mayReplayAfterIoFailure(false, true)).isTrue();
    }
}
