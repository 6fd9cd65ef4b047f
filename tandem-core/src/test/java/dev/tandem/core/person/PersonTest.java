package dev.tandem.core.person;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PersonTest {

    @Test
    void salesforceIdWithoutTypeIsRejected() {
        assertThatThrownBy(() -> new Person(1, "a@b.c", null, null, null, null, null, null, "00Q000000000001",
                false, null, null, Instant.EPOCH, Instant.EPOCH)).hasMessageStartingWith("sfdcType:");
    }

    @Test
    void personWithAcquisitionProgramIsAcquired() {
        Person person = new Person(1, "a@b.c", null, null, null, null, null, SfdcType.LEAD, "00Q000000000001",
                false, 7L, Instant.EPOCH, Instant.EPOCH, Instant.EPOCH);
        assertThat(person.isAcquired()).isTrue();
        assertThat(person.sfdcType().apiName()).isEqualTo("Lead");
    }
}
