package dev.tandem.server.console.view;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class WatchedCampaignRowTest {

    private static final Instant T = Instant.parse("2026-11-28T10:00:00Z");

    private static WatchedCampaignRow row(Long linkedProgram, Instant refusedAt, boolean fullReadDue) {
        return new WatchedCampaignRow("701000000000001AAA", linkedProgram, null, List.of(1L), 0, T, null, refusedAt,
                fullReadDue);
    }

    private static WatchedCampaignRow named(String name) {
        return new WatchedCampaignRow("701000000000001AAA", null, name, List.of(1L), 0, T, null, null, false);
    }

    @Test
    void aCampaignWithAKnownNameIsLabelledByIt() {
        assertThat(named("Spring Webinar").label()).isEqualTo("Spring Webinar");
    }

    @Test
    void aCampaignWithNoKnownNameIsLabelledByItsId() {
        assertThat(named(null).label()).isEqualTo("701000000000001AAA");
        assertThat(named(" ").label()).isEqualTo("701000000000001AAA");
    }

    @Test
    void aRefusedCampaignIsRefusedWhateverElseHolds() {
        assertThat(row(5L, T, true).state()).isEqualTo("refused");
    }

    @Test
    void aCampaignLinkedToAProgramIsLinked() {
        assertThat(row(5L, null, true).state()).isEqualTo("linked");
    }

    @Test
    void anUnlinkedCampaignIsDueForAFullReadUntilOneIsTakenThenPulled() {
        assertThat(row(null, null, true).state()).isEqualTo("full read due");
        assertThat(row(null, null, false).state()).isEqualTo("pulled");
    }
}
