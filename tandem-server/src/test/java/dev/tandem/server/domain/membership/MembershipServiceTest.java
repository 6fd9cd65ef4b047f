package dev.tandem.server.domain.membership;

import dev.tandem.server.http.MutableClock;
import dev.tandem.core.activity.Activity;
import dev.tandem.core.activity.ActivityType;
import dev.tandem.core.membership.ChangeSource;
import dev.tandem.core.membership.Membership;
import dev.tandem.core.person.Person;
import dev.tandem.core.person.PersonFields;
import dev.tandem.core.program.Program;
import dev.tandem.core.program.ProgramType;
import dev.tandem.server.domain.DomainException;
import dev.tandem.server.domain.activity.ActivityLog;
import dev.tandem.server.domain.activity.ActivityQuery;
import dev.tandem.server.domain.people.LookupField;
import dev.tandem.server.domain.people.PeopleService;
import dev.tandem.server.domain.people.PersonInput;
import dev.tandem.server.domain.people.SyncAction;
import dev.tandem.server.domain.programs.NewProgram;
import dev.tandem.server.domain.programs.ProgramService;
import dev.tandem.server.store.DatabaseTest;
import dev.tandem.server.store.Page;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import static dev.tandem.server.domain.membership.MemberResult.Status.CREATED;
import static dev.tandem.server.domain.membership.MemberResult.Status.DELETED;
import static dev.tandem.server.domain.membership.MemberResult.Status.SKIPPED;
import static dev.tandem.server.domain.membership.MemberResult.Status.UPDATED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MembershipServiceTest extends DatabaseTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T09:00:00Z"));
    private final AtomicBoolean pullForwardOnly = new AtomicBoolean(false);
    private final List<MembershipChange> changes = new ArrayList<>();
    private ActivityLog log;
    private PeopleService people;
    private MembershipService memberships;
    private Program webinar;

    @BeforeEach
    void services() {
        log = new ActivityLog(database().jdbi());
        people = new PeopleService(database().jdbi(), log, clock);
        memberships = new MembershipService(database().jdbi(), log, clock, pullForwardOnly::get);
        memberships.addListener((tx, change) -> changes.add(change));
        webinar = new ProgramService(database().jdbi(), clock)
                .create(new NewProgram("Spring Webinar", null, ProgramType.EVENT, "Webinar", null));
    }

    private long person(String email) {
        return people.sync(SyncAction.CREATE_ONLY, LookupField.EMAIL, List.of(PersonInput.of(PersonFields.ofEmail(email))))
                .get(0).id();
    }

    private List<MemberResult> change(List<Long> ids, String status, ChangeSource source) {
        return memberships.changeStatus(webinar.id(), ids, status, source, null);
    }

    private List<Activity> statusActivities() {
        return log.read(ActivityQuery.ofTypes(Set.of(ActivityType.CHANGE_STATUS_IN_PROGRESSION.id())),
                log.pagingToken(Instant.EPOCH), 300).items();
    }

    @Test
    void outcomesFollowInputOrderWithCreatedUpdatedAndSkipped() {
        long a = person("a@x.io");
        long b = person("b@x.io");
        long c = person("c@x.io");
        change(List.of(b), "Member", ChangeSource.API);
        change(List.of(c), "Attended", ChangeSource.API);
        List<MemberResult> results = change(List.of(a, b, c, 999L), "Registered", ChangeSource.API);
        assertThat(results).extracting(MemberResult::seq).containsExactly(0, 1, 2, 3);
        assertThat(results).extracting(MemberResult::status).containsExactly(CREATED, UPDATED, SKIPPED, SKIPPED);
        assertThat(results.get(2).reason().code()).isEqualTo("1037");
        assertThat(results.get(3).reason().code()).isEqualTo("1004");
    }

    @Test
    void unknownStatusIsSkippedWith1025ForEveryone() {
        long a = person("a@x.io");
        List<MemberResult> results = change(List.of(a), "attended", ChangeSource.API);
        assertThat(results.get(0).reason().code()).isEqualTo("1025");
        assertThat(memberships.get(webinar.id(), a)).isEmpty();
    }

    @Test
    void statusChangeWritesActivity104WithTheMarketoAttributes() {
        long a = person("a@x.io");
        change(List.of(a), "Registered", ChangeSource.API);
        clock.advance(Duration.ofMinutes(5));
        memberships.changeStatus(webinar.id(), List.of(a), "Attended",
                new ChangeContext(ChangeSource.FLOW, "Changed by Smart Campaign Follow-up", 77L));
        List<Activity> activities = statusActivities();
        assertThat(activities).hasSize(2);
        Activity second = activities.get(1);
        assertThat(second.personId()).isEqualTo(a);
        assertThat(second.primaryAttributeValueId()).isEqualTo(webinar.id());
        assertThat(second.primaryAttributeValue()).isEqualTo("Spring Webinar");
        assertThat(second.campaignId()).isEqualTo(77L);
        assertThat(second.occurredAt()).isEqualTo(clock.instant());
        assertThat(second.attributes().keySet()).containsExactly("Reason", "Program Member ID", "Acquired By",
                "Old Status", "Old Status ID", "New Status", "New Status ID", "Success");
        assertThat(second.attributes()).containsEntry("Reason", "Changed by Smart Campaign Follow-up")
                .containsEntry("Old Status", "Registered").containsEntry("New Status", "Attended")
                .containsEntry("Success", true);
        assertThat(second.attributes().get("Program Member ID"))
                .isEqualTo(activities.get(0).attributes().get("Program Member ID"));
        assertThat(second.attributes().get("New Status ID")).isNotNull()
                .isNotEqualTo(second.attributes().get("Old Status ID"));
    }

    @Test
    void firstMembershipShowsNotInProgramAsOldStatus() {
        long a = person("a@x.io");
        change(List.of(a), "Member", ChangeSource.API);
        assertThat(statusActivities().get(0).attributes()).containsEntry("Old Status", "Not in Program")
                .containsEntry("Success", false);
    }

    @Test
    void backwardMoveFromTheApiIsSkippedAndWritesNothing() {
        long a = person("a@x.io");
        change(List.of(a), "Registered", ChangeSource.API);
        List<MemberResult> results = change(List.of(a), "Member", ChangeSource.API);
        assertThat(results.get(0).reason().code()).isEqualTo("1037");
        assertThat(memberships.get(webinar.id(), a)).map(Membership::status).contains("Registered");
        assertThat(statusActivities()).hasSize(1);
    }

    @Test
    void salesforceChangeIsAppliedBackwardsByDefault() {
        long a = person("a@x.io");
        change(List.of(a), "Registered", ChangeSource.API);
        List<MemberResult> results = change(List.of(a), "Member", ChangeSource.SALESFORCE);
        assertThat(results.get(0).status()).isEqualTo(UPDATED);
        assertThat(memberships.get(webinar.id(), a)).map(Membership::status).contains("Member");
    }

    @Test
    void salesforceChangeIsForwardOnlyWhenTheSettingSaysSo() {
        long a = person("a@x.io");
        change(List.of(a), "Registered", ChangeSource.API);
        pullForwardOnly.set(true);
        assertThat(change(List.of(a), "Member", ChangeSource.SALESFORCE).get(0).status()).isEqualTo(SKIPPED);
    }

    @Test
    void notInProgramRemovesAndReAddingStartsANewMembershipDate() {
        long a = person("a@x.io");
        change(List.of(a), "Registered", ChangeSource.API);
        Instant first = clock.instant();
        clock.advance(Duration.ofDays(1));
        assertThat(change(List.of(a), "Not in Program", ChangeSource.API).get(0).status()).isEqualTo(DELETED);
        assertThat(memberships.get(webinar.id(), a)).isEmpty();
        clock.advance(Duration.ofDays(1));
        change(List.of(a), "Member", ChangeSource.API);
        Membership again = memberships.get(webinar.id(), a).orElseThrow();
        assertThat(again.membershipDate()).isAfter(first).isEqualTo(clock.instant());
        assertThat(again.status()).isEqualTo("Member");
    }

    @Test
    void removeOfANonMemberIsSkippedAsNotInProgram() {
        long a = person("a@x.io");
        List<MemberResult> results = memberships.remove(webinar.id(), List.of(a),
                ChangeContext.of(ChangeSource.API, null));
        assertThat(results.get(0).reason()).satisfies(r -> {
            assertThat(r.code()).isEqualTo("1037");
            assertThat(r.message()).isEqualTo("Lead not in program");
        });
    }

    @Test
    void removalWritesActivityAndTellsListeners() {
        long a = person("a@x.io");
        change(List.of(a), "Registered", ChangeSource.API);
        memberships.remove(webinar.id(), List.of(a), ChangeContext.of(ChangeSource.CONSOLE, null));
        assertThat(statusActivities().get(1).attributes()).containsEntry("New Status", "Not in Program")
                .containsEntry("Reason", "Changed by user");
        MembershipChange removal = changes.get(1);
        assertThat(removal.kind()).isEqualTo(MembershipChange.Kind.REMOVED);
        assertThat(removal.oldStatus()).isEqualTo("Registered");
        assertThat(removal.oldStep()).isEqualTo(20);
        assertThat(removal.newStep()).isZero();
        assertThat(removal.after()).isNull();
    }

    @Test
    void successIsReachedOnceAndItsDateIsKept() {
        long a = person("a@x.io");
        change(List.of(a), "Attended", ChangeSource.API);
        Instant reached = clock.instant();
        clock.advance(Duration.ofHours(1));
        change(List.of(a), "Attended On-Demand", ChangeSource.API);
        Membership member = memberships.get(webinar.id(), a).orElseThrow();
        assertThat(member.reachedSuccess()).isTrue();
        assertThat(member.reachedSuccessDate()).isEqualTo(reached);
        assertThat(statusActivities().get(1).attributes()).containsEntry("Success", false);
    }

    @Test
    void newPersonIsAcquiredByTheirFirstProgram() {
        long a = person("a@x.io");
        change(List.of(a), "Member", ChangeSource.SALESFORCE);
        assertThat(memberships.get(webinar.id(), a)).map(Membership::acquiredBy).contains(true);
        Person person = people.get(a).orElseThrow();
        assertThat(person.acquisitionProgramId()).isEqualTo(webinar.id());
        assertThat(person.acquisitionDate()).isEqualTo(clock.instant());
    }

    @Test
    void personAlreadyInAnotherProgramIsNotAcquiredAgain() {
        Program other = new ProgramService(database().jdbi(), clock)
                .create(new NewProgram("Other", null, ProgramType.EVENT, "Webinar", null));
        long a = person("a@x.io");
        memberships.changeStatus(other.id(), List.of(a), "Member", ChangeSource.API, null);
        change(List.of(a), "Member", ChangeSource.API);
        assertThat(memberships.get(webinar.id(), a)).map(Membership::acquiredBy).contains(false);
        assertThat(people.get(a)).map(Person::acquisitionProgramId).contains(other.id());
    }

    @Test
    void listenerGetsEveryEffectiveChangeWithStepsSourceAndReason() {
        long a = person("a@x.io");
        change(List.of(a), "Member", ChangeSource.API);
        change(List.of(a), "Member", ChangeSource.API);
        change(List.of(a), "Registered", ChangeSource.IMPORT);
        assertThat(changes).hasSize(2);
        MembershipChange created = changes.get(0);
        assertThat(created.kind()).isEqualTo(MembershipChange.Kind.CREATED);
        assertThat(created.oldStatus()).isEqualTo("Not in Program");
        assertThat(created.newStep()).isEqualTo(10);
        MembershipChange moved = changes.get(1);
        assertThat(moved.kind()).isEqualTo(MembershipChange.Kind.CHANGED);
        assertThat(moved.source()).isEqualTo(ChangeSource.IMPORT);
        assertThat(moved.reason()).isEqualTo("Changed by list import");
        assertThat(moved.oldStep()).isEqualTo(10);
        assertThat(moved.newStep()).isEqualTo(20);
        assertThat(moved.memberId()).isEqualTo(created.memberId()).isPositive();
        assertThat(moved.occurredAt()).isEqualTo(clock.instant());
    }

    @Test
    void listenerWritesItsOwnRowsInTheSameTransaction() {
        database().jdbi().useHandle(h -> h.execute("CREATE TABLE test_outbox (person_id BIGINT, status VARCHAR(255))"));
        memberships.addListener((tx, change) -> tx.createUpdate("INSERT INTO test_outbox VALUES (:p, :s)")
                .bind("p", change.personId()).bind("s", change.newStatus()).execute());
        try {
            long a = person("a@x.io");
            change(List.of(a), "Member", ChangeSource.API);
            List<String> rows = database().jdbi().withHandle(h ->
                    h.createQuery("SELECT status FROM test_outbox").mapTo(String.class).list());
            assertThat(rows).containsExactly("Member");
        } finally {
            database().jdbi().useHandle(h -> h.execute("DROP TABLE test_outbox"));
        }
    }

    @Test
    void listenerFailureLeavesNoMemberRowAndNoActivity() {
        long a = person("a@x.io");
        memberships.addListener((tx, change) -> {
            throw new IllegalStateException("outbox unavailable");
        });
        assertThatThrownBy(() -> change(List.of(a), "Member", ChangeSource.API)).hasMessage("outbox unavailable");
        assertThat(memberships.get(webinar.id(), a)).isEmpty();
        assertThat(statusActivities()).isEmpty();
        assertThat(people.get(a)).map(Person::acquisitionProgramId).isEmpty();
    }

    @Test
    void changeInsideTheCallersTransactionRollsBackWithIt() {
        long a = person("a@x.io");
        assertThatThrownBy(() -> database().jdbi().useTransaction(tx -> {
            memberships.changeStatus(tx, webinar.id(), List.of(a), "Member",
                    ChangeContext.of(ChangeSource.SALESFORCE, null));
            throw new IllegalStateException("cursor save failed");
        })).hasMessage("cursor save failed");
        assertThat(memberships.get(webinar.id(), a)).isEmpty();
    }

    @Test
    void samePersonTwiceInOneRequestIsAppliedInOrder() {
        long a = person("a@x.io");
        List<MemberResult> results = change(List.of(a, a), "Member", ChangeSource.API);
        assertThat(results).extracting(MemberResult::status).containsExactly(CREATED, SKIPPED);
        assertThat(statusActivities()).hasSize(1);
    }

    @Test
    void unknownProgramIsRefusedAsNotFound() {
        long a = person("a@x.io");
        assertThatThrownBy(() -> memberships.changeStatus(999, List.of(a), "Member", ChangeSource.API, null))
                .isInstanceOfSatisfying(DomainException.class, e ->
                        assertThat(e.kind()).isEqualTo(DomainException.Kind.NOT_FOUND));
    }

    @Test
    void blankStatusAndOversizedListsAreRefused() {
        assertThatThrownBy(() -> change(List.of(1L), " ", ChangeSource.API)).hasMessageStartingWith("statusName:");
        List<Long> tooMany = new ArrayList<>();
        for (long i = 0; i < 301; i++) {
            tooMany.add(i);
        }
        assertThatThrownBy(() -> change(tooMany, "Member", ChangeSource.API)).hasMessageStartingWith("input:");
    }

    @Test
    void membersArePagedByPersonAndFilteredByStatus() {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(person("p" + i + "@x.io"));
        }
        change(ids, "Member", ChangeSource.API);
        change(List.of(ids.get(1), ids.get(3)), "Registered", ChangeSource.API);
        Page<Membership> first = memberships.members(webinar.id(), List.of(), 3, null);
        assertThat(first.items()).extracting(Membership::personId).containsExactlyElementsOf(ids.subList(0, 3));
        Page<Membership> second = memberships.members(webinar.id(), List.of(), 3, first.nextPageToken());
        assertThat(second.items()).extracting(Membership::personId).containsExactlyElementsOf(ids.subList(3, 5));
        assertThat(second.moreResult()).isFalse();
        Page<Membership> registered = memberships.members(webinar.id(), List.of("Registered"), 10, null);
        assertThat(registered.items()).extracting(Membership::personId).containsExactly(ids.get(1), ids.get(3));
        assertThat(memberships.statusCounts(webinar.id())).containsEntry("Member", 3L).containsEntry("Registered", 2L);
    }

    @Test
    void pageTokenOfAnotherProgramIsRefused() {
        long a = person("a@x.io");
        long b = person("b@x.io");
        change(List.of(a, b), "Member", ChangeSource.API);
        String token = memberships.members(webinar.id(), List.of(), 1, null).nextPageToken();
        assertThatThrownBy(() -> memberships.members(webinar.id() + 1, List.of(), 1, token))
                .hasMessageStartingWith("nextPageToken:");
    }

    @Test
    void programsOfAPersonListsEachMembership() {
        long a = person("a@x.io");
        change(List.of(a), "Member", ChangeSource.API);
        assertThat(memberships.programsOf(a)).extracting(Membership::programId).containsExactly(webinar.id());
    }
}
