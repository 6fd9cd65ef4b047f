package dev.tandem.core.person;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PersonFieldsTest {

    @Test
    void malformedEmailIsRejectedNamingTheField() {
        assertThatThrownBy(() -> PersonFields.ofEmail("not-an-email")).hasMessageStartingWith("email:");
        assertThatThrownBy(() -> PersonFields.ofEmail("a@b")).hasMessageStartingWith("email:");
        assertThatThrownBy(() -> PersonFields.ofEmail("a b@c.de")).hasMessageStartingWith("email:");
    }

    @Test
    void blankValuesCountAsNotGiven() {
        PersonFields fields = new PersonFields(" ", "  ", null, null, null, null, null, null);
        assertThat(fields.email()).isNull();
        assertThat(fields.firstName()).isNull();
    }

    @Test
    void overlongValueIsRejected() {
        assertThatThrownBy(() -> new PersonFields(null, "x".repeat(256), null, null, null, null, null, null))
                .hasMessageStartingWith("firstName:");
    }

    @Test
    void salesforceIdMustHaveSalesforceLength() {
        assertThatThrownBy(() -> new PersonFields(null, null, null, null, null, null, SfdcType.LEAD, "00Q1"))
                .hasMessageStartingWith("sfdcId:");
    }

    @Test
    void applyingFieldsKeepsWhatWasNotGiven() {
        Person existing = new Person(3, "old@x.io", "Ada", "Lovelace", "Acme", null, null, null, null, false,
                null, null, Instant.EPOCH, Instant.EPOCH);
        Person updated = new PersonFields("new@x.io", null, null, "Initech", null, null, null, null)
                .applyTo(existing);
        assertThat(updated.email()).isEqualTo("new@x.io");
        assertThat(updated.firstName()).isEqualTo("Ada");
        assertThat(updated.company()).isEqualTo("Initech");
        assertThat(updated.id()).isEqualTo(3);
    }
}
