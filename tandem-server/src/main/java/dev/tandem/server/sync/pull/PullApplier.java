package dev.tandem.server.sync.pull;

import dev.tandem.core.channel.Channel;
import dev.tandem.core.channel.ProgressionStatus;
import dev.tandem.core.membership.ChangeSource;
import dev.tandem.core.membership.Membership;
import dev.tandem.core.person.Person;
import dev.tandem.server.domain.membership.ChangeContext;
import dev.tandem.server.domain.membership.MemberResult;
import dev.tandem.server.domain.membership.MembershipService;
import dev.tandem.server.domain.people.PeopleService;
import dev.tandem.server.store.ChannelDao;
import dev.tandem.server.store.MembershipDao;
import dev.tandem.server.store.ProgramDao;
import dev.tandem.server.store.StoredChannel;
import dev.tandem.server.store.StoredMembership;
import dev.tandem.server.sync.link.CampaignLink;
import dev.tandem.server.sync.mirror.CampaignActivities;
import dev.tandem.server.sync.mirror.CampaignActivities.Side;
import dev.tandem.server.sync.mirror.MirrorRow;
import dev.tandem.server.sync.mirror.MirrorStore;
import dev.tandem.server.sync.outbox.MemberKey;
import dev.tandem.server.sync.outbox.OutboxStore;
import dev.tandem.server.sync.runs.ActiveRun;
import dev.tandem.server.sync.runs.Operation;
import dev.tandem.server.sync.runs.SyncError;
import dev.tandem.server.sync.runs.SyncErrorStore;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * Applies pulled CampaignMember rows to Tandem inside the caller's transaction: resolves (or creates) each
 * person, classifies the row with {@link PullRules}, changes the membership through the membership service
 * (source SALESFORCE, so activity 104 and the listeners run as for any change), keeps the mirror in step and
 * writes one campaign activity per change Salesforce holds. A record that cannot be applied becomes an open
 * sync error (retryable) and leaves the mirror untouched.
 */
public final class PullApplier {

    private static final String REASON = "Changed in Salesforce campaign";

    private final PersonResolver personResolver;
    private final MembershipService memberships;
    private final MirrorStore mirror;
    private final OutboxStore outbox;
    private final SyncErrorStore errors;
    private final CampaignActivities activities;
    private final Clock clock;
    private final MembershipDao membershipDao = new MembershipDao();
    private final ProgramDao programs = new ProgramDao();
    private final ChannelDao channels = new ChannelDao();

    /** An applier writing through these services and stores. */
    public PullApplier(PeopleService peopleService, MembershipService memberships, MirrorStore mirror,
                       OutboxStore outbox, SyncErrorStore errors, CampaignActivities activities, Clock clock) {
        this.personResolver = new PersonResolver(peopleService, errors, clock);
        this.memberships = memberships;
        this.mirror = mirror;
        this.outbox = outbox;
        this.errors = errors;
        this.activities = activities;
        this.clock = clock;
    }

    /**
     * Applies the rows (in their order) of linked campaigns; rows of campaigns not in {@code links} are ignored.
     *
     * @param pullForwardOnly when true, a status that is a lower step than the member's is not applied
     */
    public void apply(Handle tx, List<PulledMember> rows, Map<String, CampaignLink> links, boolean pullForwardOnly,
                      ActiveRun run) {
        Instant now = clock.instant();
        Map<String, Person> personBySfId = personResolver.resolve(tx, rows.stream()
                .filter(r -> links.containsKey(r.campaignId())).toList(), run, Operation.PULL_MEMBERS);
        Map<Long, Set<Long>> peopleByProgram = new HashMap<>();
        for (PulledMember row : rows) {
            CampaignLink link = links.get(row.campaignId());
            Person person = personBySfId.get(row.personSfId());
            if (link != null && person != null) {
                peopleByProgram.computeIfAbsent(link.programId(), p -> new LinkedHashSet<>()).add(person.id());
            }
        }
        Map<MemberKey, MirrorRow> mirrored = new HashMap<>();
        Set<MemberKey> pending = new java.util.HashSet<>();
        Map<Long, Channel> channelOf = new HashMap<>();
        peopleByProgram.forEach((programId, personIds) -> {
            mirrored.putAll(mirror.get(tx, programId, personIds));
            pending.addAll(outbox.pending(tx, programId, personIds));
            programs.byId(tx, programId).flatMap(p -> channels.byName(tx, p.channelName()))
                    .map(StoredChannel::channel).ifPresent(c -> channelOf.put(programId, c));
        });
        for (PulledMember row : rows) {
            CampaignLink link = links.get(row.campaignId());
            Person person = personBySfId.get(row.personSfId());
            if (link == null || person == null) {
                continue;
            }
            MemberKey member = new MemberKey(link.programId(), person.id());
            MirrorRow before = mirrored.get(member);
            PullDecision decision = PullRules.decide(row, before, pending.contains(member));
            MirrorRow after = applyOne(tx, row, decision, member, before, link, channelOf.get(link.programId()),
                    pullForwardOnly, run, now);
            if (after == null) {
                mirrored.remove(member);
            } else {
                mirrored.put(member, after);
            }
        }
    }

    /** Applies one row; returns the mirror row afterwards (null when Salesforce holds no member). */
    private MirrorRow applyOne(Handle tx, PulledMember row, PullDecision decision, MemberKey member, MirrorRow before,
                               CampaignLink link, Channel channel, boolean pullForwardOnly, ActiveRun run,
                               Instant now) {
        MirrorRow seen = new MirrorRow(member, link.campaignId(), row.id(), row.status(), row.systemModstamp(),
                before != null && before.sfMemberId().equals(row.id()) ? before.lastPushedStatus() : null, now);
        switch (decision) {
            case DUPLICATE, IGNORE:
                return before;
            case ECHO:
                mirror.put(tx, seen);
                return seen;
            case CONFLICT:
                run.tally().conflict(Operation.PULL_MEMBERS);
                recordSalesforceChange(tx, row, member, before, link, now);
                return follow(tx, row, member, seen);
            case REMOVE: {
                List<MemberResult> results = memberships.remove(tx, member.programId(), List.of(member.personId()),
                        ChangeContext.of(ChangeSource.SALESFORCE, REASON));
                count(run, results.get(0));
                recordSalesforceChange(tx, row, member, before, link, now);
                errors.resolveRecord(tx, Operation.PULL_MEMBERS, row.id(), now);
                return follow(tx, row, member, seen);
            }
            case ADD, CHANGE: {
                Optional<ProgressionStatus> target = channel == null ? Optional.empty() : channel.status(row.status());
                if (target.isEmpty() || target.get().isNotInProgram()) {
                    errors.record(tx, run.id(), SyncError.of(Operation.PULL_MEMBERS, member.programId(),
                            member.personId(), row.id(), "UNKNOWN_STATUS", null, "Salesforce status '" + row.status()
                                    + "' is not a status of the program's channel"
                                    + (channel == null ? "" : " '" + channel.name() + "'"),
                            List.of("Status"), now));
                    run.tally().failed(Operation.PULL_MEMBERS);
                    return before;
                }
                if (pullForwardOnly && isBackward(tx, member, channel, target.get())) {
                    run.tally().skipped(Operation.PULL_MEMBERS);
                } else {
                    List<MemberResult> results = memberships.changeStatus(tx, member.programId(),
                            List.of(member.personId()), row.status(), ChangeContext.of(ChangeSource.SALESFORCE, REASON));
                    count(run, results.get(0));
                }
                recordSalesforceChange(tx, row, member, before, link, now);
                errors.resolveRecord(tx, Operation.PULL_MEMBERS, row.id(), now);
                mirror.put(tx, seen);
                return seen;
            }
            default:
                throw new IllegalStateException("unhandled pull decision " + decision);
        }
    }

    private boolean isBackward(Handle tx, MemberKey member, Channel channel, ProgressionStatus target) {
        Optional<StoredMembership> current = membershipDao.get(tx, member.programId(), member.personId());
        int currentStep = current.map(StoredMembership::membership).map(Membership::status)
                .flatMap(channel::status).map(ProgressionStatus::step).orElse(0);
        return current.isPresent() && target.step() < currentStep;
    }

    /** The mirror takes Salesforce's state of the row. */
    private MirrorRow follow(Handle tx, PulledMember row, MemberKey member, MirrorRow seen) {
        if (row.deleted()) {
            mirror.delete(tx, member);
            return null;
        }
        mirror.put(tx, seen);
        return seen;
    }

    /** The one campaign activity for a change Salesforce made. */
    private void recordSalesforceChange(Handle tx, PulledMember row, MemberKey member, MirrorRow before,
                                        CampaignLink link, Instant now) {
        boolean heldBefore = before != null && before.sfMemberId().equals(row.id());
        if (row.deleted()) {
            if (heldBefore) {
                activities.removed(tx, member, link.campaignName(), before.sfStatus(), Side.SALESFORCE, now);
            }
        } else if (before == null) {
            activities.added(tx, member, link.campaignName(), row.status(), Side.SALESFORCE, now);
        } else if (!before.sfStatus().equals(row.status())) {
            activities.statusChanged(tx, member, link.campaignName(), before.sfStatus(), row.status(), Side.SALESFORCE,
                    now);
        }
    }

    private static void count(ActiveRun run, MemberResult result) {
        switch (result.status()) {
            case CREATED -> run.tally().created(Operation.PULL_MEMBERS);
            case UPDATED -> run.tally().updated(Operation.PULL_MEMBERS);
            case DELETED -> run.tally().removed(Operation.PULL_MEMBERS);
            case SKIPPED -> run.tally().skipped(Operation.PULL_MEMBERS);
        }
    }
}
