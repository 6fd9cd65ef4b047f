package dev.tandem.server.sync.pull;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.server.sync.mirror.MirrorRow;
import dev.tandem.server.sync.outbox.Coalescer;
import dev.tandem.server.sync.outbox.DesiredState;
import dev.tandem.server.sync.outbox.MemberKey;
import dev.tandem.server.sync.outbox.OutboxEntry;
import dev.tandem.server.sync.outbox.PendingPush;
import dev.tandem.server.sync.push.PushAction;
import dev.tandem.server.sync.push.PushPlanner;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * A model of one member synced both ways, driven only by the real rules ({@link Coalescer}, {@link PushPlanner},
 * {@link PullRules}): any interleaving of changes on either side, pushes and polls that randomly fail, ends (once
 * faults stop and a push and a poll go through) with both sides equal, and never records more campaign
 * activities than Salesforce made changes (echoes and re-read rows record nothing).
 */
class SyncRulesConvergenceProperties {

    private static final MemberKey MEMBER = new MemberKey(1, 1);
    private static final List<String> STATUSES = List.of("Member", "Registered", "Attended");

    /** One step: who acts, what they set (null = remove), and whether a push/poll fails. */
    record Step(int kind, String status, boolean fails) {
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<Step> step = net.jqwik.api.Combinators.combine(Arbitraries.integers().between(0, 3),
                Arbitraries.of(STATUSES).injectNull(0.25), Arbitraries.of(true, false)).as(Step::new);
        return step.list().ofMinSize(1).ofMaxSize(40);
    }

    @Property(tries = 2000)
    void anyInterleavingConvergesWithoutExtraActivities(@ForAll("steps") List<Step> steps) {
        Model model = new Model();
        for (Step s : steps) {
            switch (s.kind()) {
                case 0 -> model.tandemSets(s.status());
                case 1 -> model.salesforceSets(s.status());
                case 2 -> model.push(s.fails());
                default -> model.poll(s.fails());
            }
        }
        model.push(false);
        model.poll(false);
        model.push(false);

        assertThat(model.salesforce).isEqualTo(model.tandem);
        assertThat(model.activities).isLessThanOrEqualTo(model.salesforceChanges);
    }

    /** Tandem, Salesforce (with CampaignMember ids and modstamps), the mirror and the outbox of one member. */
    private static final class Model {
        String tandem;
        String salesforce;
        String memberId;
        int nextId = 1;
        long clock = 1;
        Instant modstamp;
        final List<PulledMember> deleted = new ArrayList<>();
        MirrorRow mirror;
        final List<OutboxEntry> outbox = new ArrayList<>();
        long outboxIds = 1;
        int activities;
        int salesforceChanges;

        void tandemSets(String status) {
            if (java.util.Objects.equals(status, tandem)) {
                return;
            }
            tandem = status;
            outbox.add(new OutboxEntry(outboxIds++, MEMBER, status == null ? DesiredState.REMOVED
                    : DesiredState.member(status), "API", Instant.EPOCH, 0));
        }

        void salesforceSets(String status) {
            if (java.util.Objects.equals(status, salesforce)) {
                return;
            }
            write(status);
        }

        /** A change Salesforce holds afterwards. */
        private void write(String status) {
            Instant now = Instant.ofEpochSecond(clock++);
            if (status == null) {
                // queryAll keeps returning a deleted CampaignMember (IsDeleted = true).
                deleted.add(new PulledMember(memberId, "701", "00Q1", null, salesforce, now, true, null, null, null,
                        null));
                memberId = null;
            } else if (salesforce == null) {
                memberId = "00v" + nextId++;
            }
            salesforce = status;
            modstamp = now;
            salesforceChanges++;
        }

        void push(boolean fails) {
            if (outbox.isEmpty() || fails) {
                return;
            }
            PendingPush push = Coalescer.coalesce(outbox).get(0);
            PushAction action = PushPlanner.plan(push.desired(), mirror);
            if (action instanceof PushAction.Insert insert) {
                if (salesforce != null) {
                    // DUPLICATE_VALUE: Salesforce holds the member already; it is adopted, then updated.
                    activities++;
                    if (!salesforce.equals(insert.status())) {
                        write(insert.status());
                        activities++;
                    }
                } else {
                    write(insert.status());
                    activities++;
                }
                mirror = pushed();
            } else if (action instanceof PushAction.Update update) {
                // A CampaignMember deleted meanwhile is inserted again (the update reports it gone).
                write(update.newStatus());
                activities++;
                mirror = pushed();
            } else if (action instanceof PushAction.Delete) {
                if (salesforce != null) {
                    write(null);
                }
                activities++;
                mirror = null;
            }
            outbox.clear();
        }

        /** The mirror row the pusher writes after a successful write: no modstamp known yet. */
        private MirrorRow pushed() {
            return new MirrorRow(MEMBER, "701", memberId, salesforce, null, salesforce, null);
        }

        void poll(boolean fails) {
            if (fails) {
                return;
            }
            List<PulledMember> rows = new ArrayList<>(deleted);
            if (salesforce != null) {
                rows.add(new PulledMember(memberId, "701", "00Q1", null, salesforce, modstamp, false, null, null, null,
                        null));
            }
            rows.sort((a, b) -> a.systemModstamp().compareTo(b.systemModstamp()));
            for (PulledMember row : rows) {
                MirrorRow before = mirror;
                PullDecision decision = PullRules.decide(row, before, !outbox.isEmpty());
                switch (decision) {
                    case ADD, CHANGE -> {
                        tandem = row.status();
                        activities++;
                        mirror = seen(row);
                    }
                    case REMOVE -> {
                        tandem = null;
                        activities++;
                        mirror = null;
                    }
                    case CONFLICT -> {
                        activities++;
                        mirror = row.deleted() ? null : seen(row);
                    }
                    case ECHO -> mirror = seen(row);
                    default -> {
                    }
                }
            }
        }

        private static MirrorRow seen(PulledMember row) {
            return new MirrorRow(MEMBER, "701", row.id(), row.status(), row.systemModstamp(), null, null);
        }
    }
}
