package dev.tandem.server.domain.people;

import dev.tandem.server.http.MutableClock;
import dev.tandem.core.activity.Activity;
import dev.tandem.core.activity.ActivityType;
import dev.tandem.core.person.Person;
import dev.tandem.core.person.PersonFields;
import dev.tandem.core.person.SfdcType;
import dev.tandem.server.domain.DomainException;
import dev.tandem.server.domain.activity.ActivityLog;
import dev.tandem.server.domain.activity.ActivityQuery;
import dev.tandem.server.store.DatabaseTest;
import dev.tandem.server.store.Page;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PeopleServiceTest extends DatabaseTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T09:00:00Z"));
    private ActivityLog log;
    private PeopleService people;

    @BeforeEach
    void services() {
        log = new ActivityLog(database().jdbi());
        people = new PeopleService(database().jdbi(), log, clock);
    }

    private static PersonInput email(String email) {
        return PersonInput.of(PersonFields.ofEmail(email));
    }

    private static PersonInput named(String email, String firstName) {
        return PersonInput.of(new PersonFields(email, firstName, null, null, null, null, null, null));
    }

    private PersonResult one(SyncAction action, LookupField lookup, PersonInput input) {
        return people.sync(action, lookup, List.of(input)).get(0);
    }

    @Test
    void createWritesThePersonAndANewLeadActivity() {
        PersonResult result = one(SyncAction.CREATE_OR_UPDATE, LookupField.EMAIL, named("ada@x.io", "Ada"));
        assertThat(result.status()).isEqualTo(PersonResult.Status.CREATED);
        assertThat(people.get(result.id())).map(Person::firstName).contains("Ada");
        List<Activity> activities = log.read(ActivityQuery.all(), log.pagingToken(Instant.EPOCH), 10).items();
        assertThat(activities).singleElement().satisfies(a -> {
            assertThat(a.type()).isEqualTo(ActivityType.NEW_LEAD);
            assertThat(a.personId()).isEqualTo(result.id());
        });
    }

    @Test
    void createOrUpdateByEmailUpdatesTheMatchIgnoringCaseAndKeepsOtherFields() {
        long id = one(SyncAction.CREATE_OR_UPDATE, LookupField.EMAIL, named("ada@x.io", "Ada")).id();
        PersonResult result = one(SyncAction.CREATE_OR_UPDATE, LookupField.EMAIL,
                PersonInput.of(new PersonFields("ADA@x.io", null, "Lovelace", null, null, null, null, null)));
        assertThat(result).isEqualTo(new PersonResult(0, PersonResult.Status.UPDATED, id, null));
        Person person = people.get(id).orElseThrow();
        assertThat(person.firstName()).isEqualTo("Ada");
        assertThat(person.lastName()).isEqualTo("Lovelace");
    }

    @Test
    void createOnlyOfAnExistingPersonIsSkippedWith1005() {
        one(SyncAction.CREATE_ONLY, LookupField.EMAIL, email("ada@x.io"));
        PersonResult result = one(SyncAction.CREATE_ONLY, LookupField.EMAIL, email("ada@x.io"));
        assertThat(result.status()).isEqualTo(PersonResult.Status.SKIPPED);
        assertThat(result.reason().code()).isEqualTo("1005");
    }

    @Test
    void updateOnlyOfAnUnknownPersonIsSkippedWith1004() {
        PersonResult result = one(SyncAction.UPDATE_ONLY, LookupField.EMAIL, email("ghost@x.io"));
        assertThat(result.reason().code()).isEqualTo("1004");
    }

    @Test
    void updateMatchingSeveralPeopleIsSkippedWith1007() {
        one(SyncAction.CREATE_DUPLICATE, LookupField.EMAIL, email("ada@x.io"));
        one(SyncAction.CREATE_DUPLICATE, LookupField.EMAIL, email("ada@x.io"));
        PersonResult result = one(SyncAction.UPDATE_ONLY, LookupField.EMAIL, named("ada@x.io", "Ada"));
        assertThat(result.reason().code()).isEqualTo("1007");
    }

    @Test
    void createDuplicateAlwaysCreates() {
        long first = one(SyncAction.CREATE_DUPLICATE, LookupField.EMAIL, email("ada@x.io")).id();
        long second = one(SyncAction.CREATE_DUPLICATE, LookupField.EMAIL, email("ada@x.io")).id();
        assertThat(second).isNotEqualTo(first);
    }

    @Test
    void lookupByIdUpdatesThatPerson() {
        long id = one(SyncAction.CREATE_ONLY, LookupField.EMAIL, email("ada@x.io")).id();
        PersonResult result = one(SyncAction.UPDATE_ONLY, LookupField.ID,
                new PersonInput(id, new PersonFields(null, "Ada", null, null, null, null, null, null)));
        assertThat(result.status()).isEqualTo(PersonResult.Status.UPDATED);
        assertThat(people.get(id)).map(Person::firstName).contains("Ada");
    }

    @Test
    void lookupByUnknownIdIsSkippedWith1004() {
        PersonResult result = one(SyncAction.CREATE_OR_UPDATE, LookupField.ID,
                new PersonInput(999L, PersonFields.ofEmail("a@x.io")));
        assertThat(result.reason().code()).isEqualTo("1004");
    }

    @Test
    void missingLookupValueIsSkippedNamingTheField() {
        PersonResult result = one(SyncAction.CREATE_OR_UPDATE, LookupField.EMAIL,
                PersonInput.of(new PersonFields(null, "Ada", null, null, null, null, null, null)));
        assertThat(result.reason().code()).isEqualTo("1003");
        assertThat(result.reason().message()).startsWith("email:");
    }

    @Test
    void salesforceIdHeldByAnotherPersonIsSkippedWithoutFailingTheBatch() {
        PersonFields linked = new PersonFields("a@x.io", null, null, null, null, null, SfdcType.LEAD,
                "00Q000000000001AAA");
        PersonFields clash = new PersonFields("b@x.io", null, null, null, null, null, SfdcType.LEAD,
                "00Q000000000001AAA");
        List<PersonResult> results = people.sync(SyncAction.CREATE_OR_UPDATE, LookupField.EMAIL,
                List.of(PersonInput.of(linked), PersonInput.of(clash), email("c@x.io")));
        assertThat(results).extracting(PersonResult::status).containsExactly(PersonResult.Status.CREATED,
                PersonResult.Status.SKIPPED, PersonResult.Status.CREATED);
        assertThat(results.get(1).reason().code()).isEqualTo("1005");
    }

    @Test
    void resultsFollowInputOrderAndLaterRecordsSeeEarlierOnes() {
        List<PersonResult> results = people.sync(SyncAction.CREATE_OR_UPDATE, LookupField.EMAIL,
                List.of(named("a@x.io", "A"), named("b@x.io", "B"), named("a@x.io", "A2")));
        assertThat(results).extracting(PersonResult::seq).containsExactly(0, 1, 2);
        assertThat(results).extracting(PersonResult::status).containsExactly(PersonResult.Status.CREATED,
                PersonResult.Status.CREATED, PersonResult.Status.UPDATED);
        assertThat(results.get(2).id()).isEqualTo(results.get(0).id());
    }

    @Test
    void moreThan300RecordsAreRefusedBeforeWritingAnything() {
        List<PersonInput> input = IntStream.range(0, 301).mapToObj(i -> email("p" + i + "@x.io")).toList();
        assertThatThrownBy(() -> people.sync(SyncAction.CREATE_ONLY, LookupField.EMAIL, input))
                .isInstanceOf(DomainException.class).hasMessageStartingWith("input:");
        assertThat(people.all(10, null).items()).isEmpty();
    }

    @Test
    void findPagesThroughMatchesInIdOrder() {
        List<PersonInput> input = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            input.add(email("p" + i + "@x.io"));
        }
        people.sync(SyncAction.CREATE_ONLY, LookupField.EMAIL, input);
        List<String> wanted = List.of("p0@x.io", "P2@x.io", "p4@x.io", "nobody@x.io");
        Page<Person> first = people.find(LookupField.EMAIL, wanted, 2, null);
        assertThat(first.items()).extracting(Person::email).containsExactly("p0@x.io", "p2@x.io");
        assertThat(first.moreResult()).isTrue();
        Page<Person> second = people.find(LookupField.EMAIL, wanted, 2, first.nextPageToken());
        assertThat(second.items()).extracting(Person::email).containsExactly("p4@x.io");
        assertThat(second.nextPageToken()).isNull();
    }

    @Test
    void pageTokenOfAnotherQueryIsRefused() {
        people.sync(SyncAction.CREATE_ONLY, LookupField.EMAIL, List.of(email("a@x.io"), email("b@x.io")));
        String token = people.find(LookupField.EMAIL, List.of("a@x.io", "b@x.io"), 1, null).nextPageToken();
        assertThatThrownBy(() -> people.find(LookupField.EMAIL, List.of("c@x.io"), 1, token))
                .hasMessageStartingWith("nextPageToken:");
    }

    @Test
    void findByIdRejectsValuesThatAreNotIds() {
        assertThatThrownBy(() -> people.find(LookupField.ID, List.of("abc"), 10, null))
                .hasMessageStartingWith("filterValues:");
    }

    @Test
    void salesforcePersonIsFoundBySalesforceIdFirst() {
        people.sync(SyncAction.CREATE_ONLY, LookupField.EMAIL, List.of(PersonInput.of(new PersonFields("a@x.io",
                null, null, null, null, null, SfdcType.CONTACT, "003000000000001AAA"))));
        FoundPerson found = people.findOrCreateBySalesforce(SfdcType.CONTACT, "003000000000001AAA",
                PersonFields.ofEmail("other@x.io"));
        assertThat(found.created()).isFalse();
        assertThat(found.person().email()).isEqualTo("a@x.io");
    }

    @Test
    void salesforcePersonIsMatchedByEmailAndLinked() {
        long id = one(SyncAction.CREATE_ONLY, LookupField.EMAIL, email("a@x.io")).id();
        FoundPerson found = people.findOrCreateBySalesforce(SfdcType.LEAD, "00Q000000000001AAA",
                PersonFields.ofEmail("A@x.io"));
        assertThat(found.created()).isFalse();
        assertThat(found.person().id()).isEqualTo(id);
        assertThat(people.get(id)).map(Person::sfdcId).contains("00Q000000000001AAA");
    }

    @Test
    void unknownSalesforcePersonIsCreatedWithANewLeadActivity() {
        FoundPerson found = people.findOrCreateBySalesforce(SfdcType.LEAD, "00Q000000000001AAA",
                new PersonFields("new@x.io", "N", "Ew", "Acme", null, null, null, null));
        assertThat(found.created()).isTrue();
        assertThat(found.person().sfdcType()).isEqualTo(SfdcType.LEAD);
        assertThat(found.person().company()).isEqualTo("Acme");
        List<Activity> activities = log.read(ActivityQuery.all(), log.pagingToken(Instant.EPOCH), 10).items();
        assertThat(activities).singleElement().satisfies(a ->
                assertThat(a.attributes()).containsEntry("Source Type", "SFDC Sync"));
    }

    @Test
    void allWalksEveryPersonExactlyOnce() {
        List<PersonInput> input = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            input.add(email("p" + i + "@x.io"));
        }
        people.sync(SyncAction.CREATE_ONLY, LookupField.EMAIL, input);
        List<Long> seen = new ArrayList<>();
        String token = null;
        do {
            Page<Person> page = people.all(3, token);
            page.items().forEach(p -> seen.add(p.id()));
            token = page.nextPageToken();
        } while (token != null);
        assertThat(seen).hasSize(7).doesNotHaveDuplicates();
        List<Long> sorted = new ArrayList<>(seen);
        Collections.sort(sorted);
        assertThat(seen).isEqualTo(sorted);
    }
}
