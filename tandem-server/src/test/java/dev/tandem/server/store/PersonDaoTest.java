package dev.tandem.server.store;

import dev.tandem.core.person.Person;
import dev.tandem.core.person.PersonFields;
import dev.tandem.core.person.SfdcType;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PersonDaoTest extends DatabaseTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:15:30.123456Z");
    private final PersonDao people = new PersonDao();

    private long insert(Handle h, PersonFields fields) {
        return people.insert(h, fields, NOW);
    }

    @Test
    void insertedPersonReadsBackWithEveryFieldAndExactTimestamps() {
        PersonFields fields = new PersonFields("Ada@Example.com", "Ada", "Lovelace", "Analytical", "CTO", "+44 1",
                SfdcType.LEAD, "00Q000000000001AAA");
        Person person = database().jdbi().inTransaction(h -> people.byId(h, insert(h, fields)).orElseThrow());
        assertThat(person.email()).isEqualTo("Ada@Example.com");
        assertThat(person.sfdcType()).isEqualTo(SfdcType.LEAD);
        assertThat(person.sfdcId()).isEqualTo("00Q000000000001AAA");
        assertThat(person.acquisitionProgramId()).isNull();
        assertThat(person.createdAt()).isEqualTo(NOW);
    }

    @Test
    void emailLookupIgnoresCase() {
        List<Person> found = database().jdbi().inTransaction(h -> {
            insert(h, PersonFields.ofEmail("Ada@Example.com"));
            return people.find(h, PersonDao.Key.EMAIL, List.of("ada@EXAMPLE.com"), 0, 10);
        });
        assertThat(found).extracting(Person::email).containsExactly("Ada@Example.com");
    }

    @Test
    void duplicateSalesforceIdIsRejectedAsUniqueViolation() {
        PersonFields fields = new PersonFields(null, null, null, null, null, null, SfdcType.CONTACT,
                "003000000000001AAA");
        database().jdbi().useTransaction(h -> insert(h, fields));
        assertThatThrownBy(() -> database().jdbi().useTransaction(h -> insert(h, fields)))
                .satisfies(e -> assertThat(SqlErrors.isUniqueViolation(e)).isTrue());
    }

    @Test
    void manyPeopleWithoutSalesforceIdAreAllowed() {
        database().jdbi().useTransaction(h -> {
            insert(h, PersonFields.ofEmail("a@x.io"));
            insert(h, PersonFields.ofEmail("b@x.io"));
        });
        List<Person> all = database().jdbi().withHandle(h -> people.scan(h, 0, 10));
        assertThat(all).hasSize(2);
    }

    @Test
    void keysetScanVisitsEveryPersonOnceInIdOrder() {
        database().jdbi().useTransaction(h -> {
            for (int i = 0; i < 25; i++) {
                insert(h, PersonFields.ofEmail("p" + i + "@x.io"));
            }
        });
        List<Long> seen = new ArrayList<>();
        long after = 0;
        while (true) {
            long from = after;
            List<Person> page = database().jdbi().withHandle(h -> people.scan(h, from, 7));
            if (page.isEmpty()) {
                break;
            }
            page.forEach(p -> seen.add(p.id()));
            after = page.get(page.size() - 1).id();
        }
        assertThat(seen).hasSize(25).doesNotHaveDuplicates().isSorted();
    }

    @Test
    void acquisitionIsSetOnlyForPeopleNotYetAcquired() {
        long programA = insertProgram("A");
        long programB = insertProgram("B");
        long id = database().jdbi().inTransaction(h -> insert(h, PersonFields.ofEmail("a@x.io")));
        database().jdbi().useTransaction(h -> people.setAcquisition(h, List.of(id), programA, NOW));
        database().jdbi().useTransaction(h -> people.setAcquisition(h, List.of(id), programB, NOW.plusSeconds(5)));
        Person person = database().jdbi().withHandle(h -> people.byId(h, id)).orElseThrow();
        assertThat(person.acquisitionProgramId()).isEqualTo(programA);
        assertThat(person.acquisitionDate()).isEqualTo(NOW);
    }

    private long insertProgram(String name) {
        return database().jdbi().inTransaction(h -> new ProgramDao().insert(h, name, null,
                dev.tandem.core.program.ProgramType.DEFAULT, new ChannelDao().byName(h, "Web").orElseThrow()
                        .channel().id(), List.of(), NOW));
    }
}
