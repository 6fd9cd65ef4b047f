package dev.tandem.server.sync.pull;

import dev.tandem.core.activity.Activity;
import dev.tandem.core.channel.Channel;
import dev.tandem.core.channel.ProgressionStatus;
import dev.tandem.core.membership.ChangeSource;
import dev.tandem.core.person.Person;
import dev.tandem.server.domain.membership.ChangeContext;
import dev.tandem.server.domain.membership.MemberResult;
import dev.tandem.server.domain.membership.MembershipService;
import dev.tandem.server.domain.people.PeopleService;
import dev.tandem.server.store.ChannelDao;
import dev.tandem.server.store.MembershipDao;
import dev.tandem.server.store.ProgramDao;
import dev.tandem.server.store.StoredChannel;
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
import java.util.LinkedHashMap;
import java.util.HashSet;
import java.util.ArrayList;
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
     * Membership changes are grouped per program and status (up to 300 people a call), mirror rows and
     * activities are written in batches.
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
        Page page = new Page(tx, run, now);
        // Lock order: memberships (as every membership change does), then the people rows that serialize mirror
        // writers (a push settlement); only then is the mirror read, so no activity is derived from a stale row.
        peopleByProgram.forEach((programId, personIds) ->
                membershipDao.lockMembers(tx, programId, personIds).forEach((personId, stored) ->
                        page.statusOf.put(new MemberKey(programId, personId), stored.membership().status())));
        mirror.lockPeople(tx, peopleByProgram.values().stream().flatMap(Set::stream).toList());
        peopleByProgram.forEach((programId, personIds) -> {
            page.mirrored.putAll(mirror.get(tx, programId, personIds));
            page.pending.addAll(outbox.pending(tx, programId, personIds));
            programs.byId(tx, programId).flatMap(p -> channels.byName(tx, p.channelName()))
                    .map(StoredChannel::channel).ifPresent(c -> page.channelOf.put(programId, c));
        });
        page.openErrors.addAll(errors.openRecordIds(tx, Operation.PULL_MEMBERS,
                rows.stream().map(PulledMember::id).toList()));
        for (PulledMember row : rows) {
            CampaignLink link = links.get(row.campaignId());
            Person person = personBySfId.get(row.personSfId());
            if (link == null || person == null) {
                continue;
            }
            MemberKey member = new MemberKey(link.programId(), person.id());
            if (page.touched.contains(member)) {
                // The same member twice in one page (deleted and added again): keep the order of changes.
                page.applyMembershipChanges();
            }
            MirrorRow before = page.mirrored.get(member);
            PullDecision decision = PullRules.decide(row, before, page.pending.contains(member));
            page.mirrored.put(member, applyOne(page, row, decision, member, before, link, pullForwardOnly));
        }
        page.finish();
    }

    /** Applies one row; returns the mirror row afterwards (null when Salesforce holds no member). */
    private MirrorRow applyOne(Page page, PulledMember row, PullDecision decision, MemberKey member, MirrorRow before,
                               CampaignLink link, boolean pullForwardOnly) {
        MirrorRow seen = new MirrorRow(member, link.campaignId(), row.id(), row.status(), row.systemModstamp(),
                before != null && before.sfMemberId().equals(row.id()) ? before.lastPushedStatus() : null, page.now);
        switch (decision) {
            case DUPLICATE, IGNORE:
                return before;
            case ECHO:
                page.mirrorChanged.add(member);
                return seen;
            case CONFLICT:
                page.run.tally().conflict(Operation.PULL_MEMBERS);
                recordSalesforceChange(page, row, member, before, link);
                page.mirrorChanged.add(member);
                return row.deleted() ? null : seen;
            case REMOVE:
                page.remove(member);
                recordSalesforceChange(page, row, member, before, link);
                page.resolved(row.id());
                page.mirrorChanged.add(member);
                return null;
            case ADD, CHANGE: {
                Channel channel = page.channelOf.get(member.programId());
                Optional<ProgressionStatus> target = channel == null ? Optional.empty() : channel.status(row.status());
                if (target.isEmpty() || target.get().isNotInProgram()) {
                    errors.record(page.tx, page.run.id(), SyncError.of(Operation.PULL_MEMBERS, member.programId(),
                            member.personId(), row.id(), "UNKNOWN_STATUS", null, "Salesforce status '" + row.status()
                                    + "' is not a status of the program's channel"
                                    + (channel == null ? "" : " '" + channel.name() + "'"),
                            List.of("Status"), page.now));
                    page.run.tally().failed(Operation.PULL_MEMBERS);
                    return before;
                }
                if (pullForwardOnly && isBackward(page.statusOf.get(member), channel, target.get())) {
                    page.run.tally().skipped(Operation.PULL_MEMBERS);
                } else {
                    page.change(member, row.status());
                }
                recordSalesforceChange(page, row, member, before, link);
                page.resolved(row.id());
                page.mirrorChanged.add(member);
                return seen;
            }
            default:
                throw new IllegalStateException("unhandled pull decision " + decision);
        }
    }

    private static boolean isBackward(String currentStatus, Channel channel, ProgressionStatus target) {
        if (currentStatus == null) {
            return false;
        }
        int currentStep = channel.status(currentStatus).map(ProgressionStatus::step).orElse(0);
        return target.step() < currentStep;
    }

    /** The one campaign activity for a change Salesforce made. */
    private void recordSalesforceChange(Page page, PulledMember row, MemberKey member, MirrorRow before,
                                        CampaignLink link) {
        boolean heldBefore = before != null && before.sfMemberId().equals(row.id());
        if (row.deleted()) {
            if (heldBefore) {
                page.activities.add(activities.removal(member, link.campaignName(), before.sfStatus(),
                        Side.SALESFORCE, page.now));
            }
        } else if (before == null) {
            page.activities.add(activities.addition(member, link.campaignName(), row.status(), Side.SALESFORCE,
                    page.now));
        } else if (!before.sfStatus().equals(row.status())) {
            page.activities.add(activities.statusChange(member, link.campaignName(), before.sfStatus(), row.status(),
                    Side.SALESFORCE, page.now));
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

    /** The state of one page being applied: what is known, and the writes gathered for batching. */
    private final class Page {
        private final Handle tx;
        private final ActiveRun run;
        private final Instant now;
        private final Map<MemberKey, MirrorRow> mirrored = new HashMap<>();
        private final Set<MemberKey> pending = new HashSet<>();
        private final Map<MemberKey, String> statusOf = new HashMap<>();
        private final Map<Long, Channel> channelOf = new HashMap<>();
        private final Set<String> openErrors = new HashSet<>();
        private final Set<MemberKey> mirrorChanged = new LinkedHashSet<>();
        private final List<Activity> activities = new ArrayList<>();
        private final Map<Long, Map<String, List<Long>>> changes = new LinkedHashMap<>();
        private final Map<Long, List<Long>> removals = new LinkedHashMap<>();
        private final Set<MemberKey> touched = new HashSet<>();

        Page(Handle tx, ActiveRun run, Instant now) {
            this.tx = tx;
            this.run = run;
            this.now = now;
        }

        void change(MemberKey member, String status) {
            changes.computeIfAbsent(member.programId(), p -> new LinkedHashMap<>())
                    .computeIfAbsent(status, st -> new ArrayList<>()).add(member.personId());
            touched.add(member);
        }

        void remove(MemberKey member) {
            removals.computeIfAbsent(member.programId(), p -> new ArrayList<>()).add(member.personId());
            touched.add(member);
        }

        void resolved(String memberId) {
            if (openErrors.remove(memberId)) {
                errors.resolveRecord(tx, Operation.PULL_MEMBERS, memberId, now);
            }
        }

        void applyMembershipChanges() {
            ChangeContext context = ChangeContext.of(ChangeSource.SALESFORCE, REASON);
            changes.forEach((programId, byStatus) -> byStatus.forEach((status, people) -> {
                for (int from = 0; from < people.size(); from += MembershipService.MAX_BATCH) {
                    memberships.changeStatus(tx, programId, people.subList(from,
                            Math.min(people.size(), from + MembershipService.MAX_BATCH)), status, context)
                            .forEach(r -> count(run, r));
                }
            }));
            removals.forEach((programId, people) -> {
                for (int from = 0; from < people.size(); from += MembershipService.MAX_BATCH) {
                    memberships.remove(tx, programId, people.subList(from,
                            Math.min(people.size(), from + MembershipService.MAX_BATCH)), context)
                            .forEach(r -> count(run, r));
                }
            });
            changes.clear();
            removals.clear();
            touched.clear();
        }

        void finish() {
            applyMembershipChanges();
            List<MirrorRow> puts = new ArrayList<>();
            List<MemberKey> gone = new ArrayList<>();
            for (MemberKey member : mirrorChanged) {
                MirrorRow row = mirrored.get(member);
                if (row == null) {
                    gone.add(member);
                } else {
                    puts.add(row);
                }
            }
            mirror.deleteAll(tx, gone);
            mirror.putAll(tx, puts);
            PullApplier.this.activities.appendAll(tx, activities);
        }
    }
}
