package dev.tandem.server.sync.pull;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.server.sync.mirror.MirrorRow;
import dev.tandem.server.sync.outbox.MemberKey;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PullRulesTest {

    private static final String MEMBER = "00v000000000001AAA";
    private static final Instant T1 = Instant.parse("2026-03-01T10:00:00Z");
    private static final Instant T2 = Instant.parse("2026-03-01T10:00:05Z");

    private static PulledMember row(String id, String status, Instant modstamp, boolean deleted) {
        return new PulledMember(id, "701000000000001AAA", "00Q000000000001AAA", null, status, modstamp, deleted,
                "ann@example.com", "Ann", "Lee", "Acme");
    }

    private static MirrorRow mirror(String memberId, String status, Instant modstamp) {
        return new MirrorRow(new MemberKey(1, 2), "701000000000001AAA", memberId, status, modstamp, null, null);
    }

    @Test
    void aRowAlreadySeenAtTheSameModstampIsADuplicate() {
        assertThat(PullRules.decide(row(MEMBER, "Registered", T1, false), mirror(MEMBER, "Registered", T1), false))
                .isEqualTo(PullDecision.DUPLICATE);
    }

    @Test
    void aSecondChangeWithinTheSameSecondIsNotTakenForADuplicate() {
        assertThat(PullRules.decide(row(MEMBER, "Attended", T1, false), mirror(MEMBER, "Registered", T1), false))
                .isEqualTo(PullDecision.CHANGE);
    }

    @Test
    void aRowHoldingWhatTandemLastWroteIsItsOwnEcho() {
        assertThat(PullRules.decide(row(MEMBER, "Attended", T2, false), mirror(MEMBER, "Attended", null), false))
                .isEqualTo(PullDecision.ECHO);
    }

    @Test
    void anUnknownMemberIsAnAdd() {
        assertThat(PullRules.decide(row(MEMBER, "Registered", T1, false), null, false)).isEqualTo(PullDecision.ADD);
    }

    @Test
    void aDifferentStatusIsAChange() {
        assertThat(PullRules.decide(row(MEMBER, "Attended", T2, false), mirror(MEMBER, "Registered", T1), false))
                .isEqualTo(PullDecision.CHANGE);
    }

    @Test
    void aDeletedKnownMemberIsARemoval() {
        assertThat(PullRules.decide(row(MEMBER, "Registered", T2, true), mirror(MEMBER, "Registered", T1), false))
                .isEqualTo(PullDecision.REMOVE);
    }

    @Test
    void aDeletionOfAnotherCampaignMemberThanTheMirroredOneIsIgnored() {
        assertThat(PullRules.decide(row("00v000000000009AAA", "Registered", T2, true),
                mirror(MEMBER, "Registered", T1), false)).isEqualTo(PullDecision.IGNORE);
    }

    @Test
    void aDeletionOfAMemberTandemDoesNotHoldIsIgnored() {
        assertThat(PullRules.decide(row(MEMBER, "Registered", T2, true), null, false)).isEqualTo(PullDecision.IGNORE);
    }

    @Test
    void aSalesforceChangeToAMemberWithAPendingLocalChangeIsAConflict() {
        assertThat(PullRules.decide(row(MEMBER, "Attended", T2, false), mirror(MEMBER, "Registered", T1), true))
                .isEqualTo(PullDecision.CONFLICT);
        assertThat(PullRules.decide(row(MEMBER, "Attended", T2, true), mirror(MEMBER, "Registered", T1), true))
                .isEqualTo(PullDecision.CONFLICT);
    }
}
