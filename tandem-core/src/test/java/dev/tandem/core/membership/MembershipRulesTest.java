package dev.tandem.core.membership;

import dev.tandem.core.channel.Channel;
import dev.tandem.core.channel.ProgressionStatus;
import dev.tandem.core.membership.TransitionOutcome.Changed;
import dev.tandem.core.membership.TransitionOutcome.Created;
import dev.tandem.core.membership.TransitionOutcome.Removed;
import dev.tandem.core.membership.TransitionOutcome.Skipped;
import dev.tandem.core.program.ProgramType;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MembershipRulesTest {

    static final Channel WEBINAR = new Channel(1, "Webinar", ProgramType.EVENT, List.of(
            ProgressionStatus.of("Member", 10, false),
            ProgressionStatus.of("Registered", 20, false),
            ProgressionStatus.of("No Show", 30, false),
            ProgressionStatus.of("Attended", 30, true),
            ProgressionStatus.of("Attended On-Demand", 40, true)));

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant T1 = Instant.parse("2026-02-01T00:00:00Z");

    private static TransitionOutcome change(Membership current, String target, ChangeSource source,
                                            boolean pullForwardOnly, boolean acquires, Instant now) {
        return MembershipRules.apply(new StatusChange(WEBINAR, 7, 42, current, target, source, pullForwardOnly,
                acquires, now));
    }

    private static TransitionOutcome change(Membership current, String target, ChangeSource source) {
        return change(current, target, source, false, false, T1);
    }

    private static Membership member(String status) {
        return new Membership(7, 42, status, T0, false, null, false, T0);
    }

    @Test
    void nonMemberIsCreatedWithTargetStatusAndMembershipDateNow() {
        TransitionOutcome outcome = change(null, "Registered", ChangeSource.API);
        assertThat(outcome).isEqualTo(new Created(new Membership(7, 42, "Registered", T1, false, null, false, T1)));
    }

    @Test
    void creatingAtASuccessStatusReachesSuccess() {
        Created created = (Created) change(null, "Attended", ChangeSource.FLOW);
        assertThat(created.after().reachedSuccess()).isTrue();
        assertThat(created.after().reachedSuccessDate()).isEqualTo(T1);
    }

    @Test
    void newPersonAcquiredByTheProgramIsMarkedAcquiredBy() {
        Created created = (Created) change(null, "Member", ChangeSource.SALESFORCE, false, true, T1);
        assertThat(created.after().acquiredBy()).isTrue();
    }

    @Test
    void existingPersonIsNotMarkedAcquiredBy() {
        Created created = (Created) change(null, "Member", ChangeSource.API, false, false, T1);
        assertThat(created.after().acquiredBy()).isFalse();
    }

    @Test
    void forwardMoveChangesStatusAndKeepsMembershipDate() {
        Changed changed = (Changed) change(member("Member"), "Registered", ChangeSource.API);
        assertThat(changed.before().status()).isEqualTo("Member");
        assertThat(changed.after().status()).isEqualTo("Registered");
        assertThat(changed.after().membershipDate()).isEqualTo(T0);
        assertThat(changed.after().updatedAt()).isEqualTo(T1);
    }

    @Test
    void backwardMoveFromApiIsSkippedWith1037() {
        assertThat(change(member("Registered"), "Member", ChangeSource.API))
                .isEqualTo(new Skipped(SkipReason.ALREADY_IN_OR_PAST));
    }

    @Test
    void backwardMoveFromFlowConsoleAndImportIsSkipped() {
        for (ChangeSource source : List.of(ChangeSource.FLOW, ChangeSource.CONSOLE, ChangeSource.IMPORT)) {
            assertThat(change(member("Registered"), "Member", source)).isInstanceOf(Skipped.class);
        }
    }

    @Test
    void lateralMoveAtEqualStepIsAllowed() {
        Changed changed = (Changed) change(member("No Show"), "Attended", ChangeSource.FLOW);
        assertThat(changed.after().status()).isEqualTo("Attended");
    }

    @Test
    void sameStatusIsSkippedWith1037() {
        Skipped skipped = (Skipped) change(member("Registered"), "Registered", ChangeSource.API);
        assertThat(skipped.reason().code()).isEqualTo("1037");
    }

    @Test
    void unknownStatusIsSkippedWith1025() {
        Skipped skipped = (Skipped) change(member("Member"), "Influenced", ChangeSource.API);
        assertThat(skipped.reason().code()).isEqualTo("1025");
        assertThat(skipped.reason().message()).contains("Influenced").contains("Webinar");
    }

    @Test
    void statusMatchIsCaseSensitive() {
        Skipped skipped = (Skipped) change(null, "registered", ChangeSource.API);
        assertThat(skipped.reason().code()).isEqualTo("1025");
    }

    @Test
    void notInProgramRemovesTheMembership() {
        Membership current = member("Registered");
        assertThat(change(current, "Not in Program", ChangeSource.API)).isEqualTo(new Removed(current));
    }

    @Test
    void notInProgramForANonMemberIsSkippedAsNotInProgram() {
        assertThat(change(null, "Not in Program", ChangeSource.API))
                .isEqualTo(new Skipped(SkipReason.NOT_IN_PROGRAM));
    }

    @Test
    void salesforceChangeAppliesBackwards() {
        Changed changed = (Changed) change(member("Registered"), "Member", ChangeSource.SALESFORCE);
        assertThat(changed.after().status()).isEqualTo("Member");
    }

    @Test
    void salesforceChangeIsForwardOnlyWhenPullForwardOnlyIsSet() {
        assertThat(change(member("Registered"), "Member", ChangeSource.SALESFORCE, true, false, T1))
                .isEqualTo(new Skipped(SkipReason.ALREADY_IN_OR_PAST));
    }

    @Test
    void firstReachOfSuccessSetsSuccessAndItsDate() {
        Changed changed = (Changed) change(member("Registered"), "Attended", ChangeSource.API);
        assertThat(changed.after().reachedSuccess()).isTrue();
        assertThat(changed.after().reachedSuccessDate()).isEqualTo(T1);
    }

    @Test
    void laterSuccessKeepsTheFirstSuccessDate() {
        Membership succeeded = new Membership(7, 42, "Attended", T0, true, T0, false, T0);
        Changed changed = (Changed) change(succeeded, "Attended On-Demand", ChangeSource.API);
        assertThat(changed.after().reachedSuccessDate()).isEqualTo(T0);
    }

    @Test
    void successIsNeverClearedByMovingToANonSuccessStatus() {
        Membership succeeded = new Membership(7, 42, "Attended", T0, true, T0, false, T0);
        Changed changed = (Changed) change(succeeded, "Member", ChangeSource.SALESFORCE);
        assertThat(changed.after().reachedSuccess()).isTrue();
        assertThat(changed.after().reachedSuccessDate()).isEqualTo(T0);
    }

    @Test
    void acquiredByIsKeptAcrossStatusChanges() {
        Membership acquired = new Membership(7, 42, "Member", T0, false, null, true, T0);
        Changed changed = (Changed) change(acquired, "Registered", ChangeSource.API);
        assertThat(changed.after().acquiredBy()).isTrue();
    }

    @Test
    void memberInAStatusTheChannelNoLongerHasCanMoveToAnyStatus() {
        Changed changed = (Changed) change(member("Retired Status"), "Member", ChangeSource.API);
        assertThat(changed.after().status()).isEqualTo("Member");
    }
}
