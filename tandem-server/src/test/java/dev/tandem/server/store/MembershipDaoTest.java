package dev.tandem.server.store;

import dev.tandem.core.membership.Membership;
import dev.tandem.core.person.PersonFields;
import dev.tandem.core.program.ProgramType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MembershipDaoTest extends DatabaseTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:15:30Z");
    private final MembershipDao memberships = new MembershipDao();

    private long program(Handle h, String name) {
        return new ProgramDao().insert(h, name, "d", ProgramType.EVENT,
                new ChannelDao().byName(h, "Webinar").orElseThrow().channel().id(), List.of(), NOW);
    }

    private List<Long> people(Handle h, int count) {
        PersonDao dao = new PersonDao();
        return LongStream.range(0, count).mapToObj(i -> dao.insert(h, PersonFields.ofEmail("p" + i + "@x.io"), NOW))
                .toList();
    }

    private static List<Membership> members(long programId, List<Long> personIds, String status) {
        List<Membership> out = new ArrayList<>();
        personIds.forEach(p -> out.add(new Membership(programId, p, status, NOW, false, null, false, NOW)));
        return out;
    }

    @Test
    void insertReturnsTheMemberIdOfEveryNewMemberKeyedByPerson() {
        Map<Long, Long> ids = database().jdbi().inTransaction(h -> {
            long program = program(h, "Webinar A");
            return memberships.insert(h, program, members(program, people(h, 3), "Invited"));
        });
        assertThat(ids).hasSize(3);
        assertThat(ids.values()).doesNotHaveDuplicates().doesNotContainNull();
    }

    @Test
    void lockMembersReadsOnlyTheAskedPeopleOfThatProgram() {
        Map<Long, StoredMembership> found = database().jdbi().inTransaction(h -> {
            long program = program(h, "Webinar A");
            long other = program(h, "Webinar B");
            List<Long> people = people(h, 4);
            memberships.insert(h, program, members(program, people.subList(0, 3), "Invited"));
            memberships.insert(h, other, members(other, people, "Registered"));
            return memberships.lockMembers(h, program, List.of(people.get(0), people.get(2), people.get(3)));
        });
        assertThat(found).hasSize(2);
        assertThat(found.values()).allSatisfy(m -> assertThat(m.membership().status()).isEqualTo("Invited"));
    }

    @Test
    void aBatchOfHundredsOfPeopleIsMatchedInFull() {
        Map<Long, StoredMembership> found = database().jdbi().inTransaction(h -> {
            long program = program(h, "Webinar A");
            List<Long> people = people(h, 700);
            memberships.insert(h, program, members(program, people.subList(0, 650), "Invited"));
            return memberships.lockMembers(h, program, people.subList(300, 700));
        });
        assertThat(found).hasSize(350);
    }

    @Test
    void deleteRemovesOnlyTheAskedPeopleOfThatProgram() {
        List<Long> people = database().jdbi().inTransaction(h -> people(h, 3));
        long program = database().jdbi().inTransaction(h -> program(h, "Webinar A"));
        long other = database().jdbi().inTransaction(h -> program(h, "Webinar B"));
        database().jdbi().useTransaction(h -> {
            memberships.insert(h, program, members(program, people, "Invited"));
            memberships.insert(h, other, members(other, people, "Invited"));
            memberships.delete(h, program, List.of(people.get(1)));
        });
        database().jdbi().useTransaction(h -> {
            assertThat(memberships.lockMembers(h, program, people)).containsOnlyKeys(people.get(0), people.get(2));
            assertThat(memberships.lockMembers(h, other, people)).containsOnlyKeys(people);
        });
    }
}
