package dev.tandem.server.domain.membership;

import dev.tandem.core.activity.Activity;
import dev.tandem.core.activity.ActivityType;
import dev.tandem.core.channel.Channel;
import dev.tandem.core.channel.ProgressionStatus;
import dev.tandem.core.membership.ChangeSource;
import dev.tandem.core.membership.Membership;
import dev.tandem.core.membership.MembershipRules;
import dev.tandem.core.membership.SkipReason;
import dev.tandem.core.membership.StatusChange;
import dev.tandem.core.membership.TransitionOutcome;
import dev.tandem.core.person.Person;
import dev.tandem.core.program.Program;
import dev.tandem.server.domain.Batches;
import dev.tandem.server.domain.DomainException;
import dev.tandem.server.domain.PageTokens;
import dev.tandem.server.domain.Timestamps;
import dev.tandem.server.domain.activity.ActivityLog;
import dev.tandem.server.store.ChannelDao;
import dev.tandem.server.store.MembershipDao;
import dev.tandem.server.store.Page;
import dev.tandem.server.store.PageToken;
import dev.tandem.server.store.PersonDao;
import dev.tandem.server.store.ProgramDao;
import dev.tandem.server.store.SqlErrors;
import dev.tandem.server.store.StoredChannel;
import dev.tandem.server.store.StoredMembership;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * Program membership: status changes and removals under the forward-only rules, with activity 104 and the
 * change listeners written in the same transaction as the member rows.
 */
public final class MembershipService {

    /** Largest page of members a query returns. */
    public static final int MAX_BATCH = 300;

    private static final String TOKEN_KIND = "members";
    private static final int ATTEMPTS = 3;

    private final Jdbi jdbi;
    private final ActivityLog activityLog;
    private final Clock clock;
    private final BooleanSupplier pullForwardOnly;
    private final ProgramDao programs = new ProgramDao();
    private final ChannelDao channels = new ChannelDao();
    private final PersonDao people = new PersonDao();
    private final MembershipDao memberships = new MembershipDao();
    private final List<MembershipChangeListener> listeners = new CopyOnWriteArrayList<>();

    /**
     * @param pullForwardOnly the {@code sync.pull.forwardOnly} setting, read at each change: whether changes
     *                        from Salesforce are also held to forward-only (default false: applied as is)
     */
    public MembershipService(Jdbi jdbi, ActivityLog activityLog, Clock clock, BooleanSupplier pullForwardOnly) {
        this.jdbi = jdbi;
        this.activityLog = activityLog;
        this.clock = clock;
        this.pullForwardOnly = pullForwardOnly;
    }

    /** As the full constructor with Salesforce changes applied as is. */
    public MembershipService(Jdbi jdbi, ActivityLog activityLog, Clock clock) {
        this(jdbi, activityLog, clock, () -> false);
    }

    /** Registers a listener told of every effective change from now on. */
    public void addListener(MembershipChangeListener listener) {
        listeners.add(listener);
    }

    /** {@link #changeStatus(long, List, String, ChangeContext)} without a smart campaign. */
    public List<MemberResult> changeStatus(long programId, List<Long> personIds, String statusName,
                                           ChangeSource source, String reason) {
        return changeStatus(programId, personIds, statusName, ChangeContext.of(source, reason));
    }

    /**
     * Moves each person to the status, adding non-members. One transaction for the whole list (≤300 people);
     * results are in input order. Retried when a concurrent writer added the same member first.
     *
     * @throws DomainException when the program does not exist or the list is empty or too long
     */
    public List<MemberResult> changeStatus(long programId, List<Long> personIds, String statusName,
                                           ChangeContext context) {
        return withRetry(tx -> changeStatus(tx, programId, personIds, statusName, context));
    }

    /** As {@link #changeStatus(long, List, String, ChangeContext)} inside the caller's transaction. */
    public List<MemberResult> changeStatus(Handle tx, long programId, List<Long> personIds, String statusName,
                                           ChangeContext context) {
        if (statusName == null || statusName.isBlank()) {
            throw DomainException.blank("statusName");
        }
        return apply(tx, programId, personIds, statusName, context);
    }

    /**
     * Removes each person from the program (Marketo's delete members); a non-member is skipped with 1037.
     * One transaction; results in input order.
     */
    public List<MemberResult> remove(long programId, List<Long> personIds, ChangeContext context) {
        return withRetry(tx -> remove(tx, programId, personIds, context));
    }

    /** As {@link #remove(long, List, ChangeContext)} inside the caller's transaction. */
    public List<MemberResult> remove(Handle tx, long programId, List<Long> personIds, ChangeContext context) {
        return apply(tx, programId, personIds, Channel.NOT_IN_PROGRAM, context);
    }

    /** One person's membership of one program. */
    public Optional<Membership> get(long programId, long personId) {
        return jdbi.withHandle(h -> memberships.get(h, programId, personId)).map(StoredMembership::membership);
    }

    /**
     * A page of the program's members in person id order, optionally only those holding one of
     * {@code statusNames}. Pass a null token for the first page.
     */
    public Page<Membership> members(long programId, Collection<String> statusNames, int batchSize, String pageToken) {
        Batches.requirePageSize("batchSize", batchSize, MAX_BATCH);
        long after = 0;
        if (pageToken != null && !pageToken.isBlank()) {
            long[] position = PageTokens.position(TOKEN_KIND, 2, pageToken);
            if (position[0] != programId) {
                throw DomainException.invalid("nextPageToken: belongs to another program");
            }
            after = position[1];
        }
        long start = after;
        return jdbi.withHandle(h -> {
            if (programs.byId(h, programId).isEmpty()) {
                throw DomainException.notFound("programId: no program with id " + programId);
            }
            List<StoredMembership> fetched = memberships.page(h, programId,
                    statusNames == null ? List.of() : statusNames, start, batchSize + 1);
            return Page.of(fetched, batchSize,
                    m -> PageToken.encode(TOKEN_KIND, programId, m.membership().personId()));
        }).map(StoredMembership::membership);
    }

    /** Every program membership of one person. */
    public List<Membership> programsOf(long personId) {
        return jdbi.withHandle(h -> memberships.byPerson(h, personId)).stream().map(StoredMembership::membership)
                .toList();
    }

    /** How many members hold each status in the program. */
    public Map<String, Long> statusCounts(long programId) {
        return jdbi.withHandle(h -> memberships.statusCounts(h, programId));
    }

    private List<MemberResult> withRetry(Function<Handle, List<MemberResult>> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return jdbi.inTransaction(work::apply);
            } catch (RuntimeException e) {
                // Two writers adding the same new member race on the primary key; the loser re-reads and
                // then sees the member, so the retry applies the ordinary rules.
                if (attempt >= ATTEMPTS || !SqlErrors.isUniqueViolation(e)) {
                    throw e;
                }
            }
        }
    }

    private List<MemberResult> apply(Handle tx, long programId, List<Long> personIds, String target,
                                     ChangeContext context) {
        Batches.requireSize("input", personIds);
        if (personIds.stream().anyMatch(Objects::isNull)) {
            throw DomainException.invalid("input: leadId must not be null");
        }
        Program program = programs.byId(tx, programId)
                .orElseThrow(() -> DomainException.notFound("programId: no program with id " + programId));
        StoredChannel channel = channels.byId(tx, programs.channelId(tx, programId)).orElseThrow();
        Set<Long> distinct = new LinkedHashSet<>(personIds);
        Map<Long, Person> known = new HashMap<>();
        for (Person p : people.find(tx, PersonDao.Key.ID, distinct, 0, distinct.size())) {
            known.put(p.id(), p);
        }
        Map<Long, StoredMembership> stored = memberships.lockMembers(tx, programId, known.keySet());

        Instant now = Timestamps.now(clock);
        boolean forwardOnlyPull = pullForwardOnly.getAsBoolean();
        Map<Long, Membership> state = new LinkedHashMap<>();
        stored.forEach((id, m) -> state.put(id, m.membership()));
        List<MemberResult> results = new ArrayList<>(personIds.size());
        List<Effect> effects = new ArrayList<>();
        for (int seq = 0; seq < personIds.size(); seq++) {
            long personId = personIds.get(seq);
            if (!known.containsKey(personId)) {
                results.add(MemberResult.skipped(seq, personId, SkipReason.LEAD_NOT_FOUND));
                continue;
            }
            // A person nobody has acquired yet is acquired by the first program they join.
            boolean acquires = !known.get(personId).isAcquired();
            TransitionOutcome outcome = MembershipRules.apply(new StatusChange(channel.channel(), programId, personId,
                    state.get(personId), target, context.source(), forwardOnlyPull, acquires, now));
            if (outcome instanceof TransitionOutcome.Created created) {
                state.put(personId, created.after());
                results.add(new MemberResult(seq, personId, MemberResult.Status.CREATED, null));
                effects.add(new Effect(personId, outcome));
            } else if (outcome instanceof TransitionOutcome.Changed changed) {
                state.put(personId, changed.after());
                results.add(new MemberResult(seq, personId, MemberResult.Status.UPDATED, null));
                effects.add(new Effect(personId, outcome));
            } else if (outcome instanceof TransitionOutcome.Removed) {
                state.remove(personId);
                results.add(new MemberResult(seq, personId, MemberResult.Status.DELETED, null));
                effects.add(new Effect(personId, outcome));
            } else if (outcome instanceof TransitionOutcome.Skipped skipped) {
                results.add(MemberResult.skipped(seq, personId, skipped.reason()));
            }
        }
        if (!effects.isEmpty()) {
            Map<Long, Long> memberIds = write(tx, programId, stored, state, now);
            record(tx, program, channel, effects, memberIds, context, now);
        }
        return results;
    }

    /** Writes the final state of every touched member; returns member ids of stored and new rows. */
    private Map<Long, Long> write(Handle tx, long programId, Map<Long, StoredMembership> stored,
                                  Map<Long, Membership> state, Instant now) {
        List<Long> deleted = stored.keySet().stream().filter(id -> !state.containsKey(id)).toList();
        List<Membership> updated = new ArrayList<>();
        List<Membership> inserted = new ArrayList<>();
        state.forEach((id, m) -> {
            StoredMembership before = stored.get(id);
            if (before == null) {
                inserted.add(m);
            } else if (!before.membership().equals(m)) {
                updated.add(m);
            }
        });
        memberships.delete(tx, programId, deleted);
        memberships.update(tx, updated);
        Map<Long, Long> memberIds = new HashMap<>();
        stored.forEach((id, m) -> memberIds.put(id, m.memberId()));
        memberIds.putAll(memberships.insert(tx, programId, inserted));
        people.setAcquisition(tx, inserted.stream().filter(Membership::acquiredBy).map(Membership::personId).toList(),
                programId, now);
        return memberIds;
    }

    private void record(Handle tx, Program program, StoredChannel channel, List<Effect> effects,
                        Map<Long, Long> memberIds, ChangeContext context, Instant now) {
        Channel rules = channel.channel();
        List<Activity> activities = new ArrayList<>(effects.size());
        List<MembershipChange> changes = new ArrayList<>(effects.size());
        for (Effect effect : effects) {
            Membership before = effect.before();
            Membership after = effect.after();
            String oldStatus = before == null ? Channel.NOT_IN_PROGRAM : before.status();
            String newStatus = after == null ? Channel.NOT_IN_PROGRAM : after.status();
            boolean successNow = after != null && after.reachedSuccess() && (before == null || !before.reachedSuccess());
            long memberId = memberIds.getOrDefault(effect.personId(), 0L);
            Map<String, Object> attributes = new LinkedHashMap<>();
            attributes.put("Reason", context.reason());
            attributes.put("Program Member ID", memberId);
            attributes.put("Acquired By", (after != null ? after : before).acquiredBy());
            attributes.put("Old Status", oldStatus);
            attributes.put("Old Status ID", channel.statusId(oldStatus));
            attributes.put("New Status", newStatus);
            attributes.put("New Status ID", channel.statusId(newStatus));
            attributes.put("Success", successNow);
            activities.add(Activity.of(effect.personId(), now, ActivityType.CHANGE_STATUS_IN_PROGRESSION,
                    context.campaignId(), program.id(), program.name(), attributes));
            changes.add(new MembershipChange(effect.kind(), program.id(), effect.personId(), memberId,
                    oldStatus, step(rules, oldStatus), newStatus, step(rules, newStatus), successNow, context.source(),
                    context.reason(), context.campaignId(), now, after));
        }
        // One batched insert instead of a round trip per activity; listeners still see each change in order.
        activityLog.appendAll(tx, activities);
        for (MembershipChange change : changes) {
            for (MembershipChangeListener listener : listeners) {
                listener.onChange(tx, change);
            }
        }
    }

    private static int step(Channel channel, String status) {
        return channel.status(status).map(ProgressionStatus::step).orElse(0);
    }

    /** One effective outcome for one person, in input order. */
    private record Effect(long personId, TransitionOutcome outcome) {

        Membership before() {
            if (outcome instanceof TransitionOutcome.Changed changed) {
                return changed.before();
            }
            return outcome instanceof TransitionOutcome.Removed removed ? removed.before() : null;
        }

        Membership after() {
            if (outcome instanceof TransitionOutcome.Changed changed) {
                return changed.after();
            }
            return outcome instanceof TransitionOutcome.Created created ? created.after() : null;
        }

        MembershipChange.Kind kind() {
            if (outcome instanceof TransitionOutcome.Created) {
                return MembershipChange.Kind.CREATED;
            }
            return outcome instanceof TransitionOutcome.Changed ? MembershipChange.Kind.CHANGED
                    : MembershipChange.Kind.REMOVED;
        }
    }
}
