package dev.tandem.core.membership;

import dev.tandem.core.channel.Channel;
import dev.tandem.core.channel.ProgressionStatus;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MembershipRulesProperties {

    private static final Channel CHANNEL = MembershipRulesTest.WEBINAR;

    @Provide
    Arbitrary<List<String>> targets() {
        List<String> names = CHANNEL.statuses().stream().map(ProgressionStatus::name).toList();
        return Arbitraries.oneOf(Arbitraries.of(names), Arbitraries.of("Influenced", "member"))
                .list().ofMinSize(1).ofMaxSize(30);
    }

    @Provide
    Arbitrary<ChangeSource> localSources() {
        return Arbitraries.of(ChangeSource.FLOW, ChangeSource.API);
    }

    @Property
    void localChangesNeverMoveAMemberBackwardsExceptOutOfTheProgram(
            @ForAll("targets") List<String> targets, @ForAll("localSources") ChangeSource source) {
        Membership current = null;
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        for (String target : targets) {
            now = now.plusSeconds(60);
            TransitionOutcome outcome = MembershipRules.apply(
                    new StatusChange(CHANNEL, 1, 2, current, target, source, false, false, now));
            if (outcome instanceof TransitionOutcome.Changed changed) {
                assertThat(step(changed.after())).isGreaterThanOrEqualTo(step(changed.before()));
                current = changed.after();
            } else if (outcome instanceof TransitionOutcome.Created created) {
                assertThat(current).isNull();
                current = created.after();
            } else if (outcome instanceof TransitionOutcome.Removed) {
                assertThat(target).isEqualTo(Channel.NOT_IN_PROGRAM);
                current = null;
            }
        }
    }

    @Property
    void successOnceReachedIsNeverLostWhileAMember(@ForAll("targets") List<String> targets) {
        Membership current = null;
        Instant firstSuccess = null;
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        for (String target : targets) {
            now = now.plusSeconds(60);
            TransitionOutcome outcome = MembershipRules.apply(
                    new StatusChange(CHANNEL, 1, 2, current, target, ChangeSource.SALESFORCE, false, false, now));
            if (outcome instanceof TransitionOutcome.Removed) {
                current = null;
                firstSuccess = null;
                continue;
            }
            if (outcome instanceof TransitionOutcome.Created created) {
                current = created.after();
            } else if (outcome instanceof TransitionOutcome.Changed changed) {
                current = changed.after();
            }
            if (current != null && current.reachedSuccess() && firstSuccess == null) {
                firstSuccess = current.reachedSuccessDate();
            }
            if (firstSuccess != null) {
                assertThat(current.reachedSuccessDate()).isEqualTo(firstSuccess);
            }
        }
    }

    private static int step(Membership membership) {
        return CHANNEL.status(membership.status()).orElseThrow().step();
    }
}
