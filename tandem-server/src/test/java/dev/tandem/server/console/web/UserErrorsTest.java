package dev.tandem.server.console.web;

import dev.tandem.server.domain.DomainException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UserErrorsTest {

    @Test
    void aDomainRefusalIsShownWithItsMessage() {
        assertThat(UserErrors.message(DomainException.invalid("name: must not be empty")))
                .contains("name: must not be empty");
    }

    @Test
    void anIllegalArgumentFromInsideTheServerIsAFaultWhoseMessageIsNotShown() {
        assertThat(UserErrors.message(new IllegalArgumentException("internal: cursor 10.0.0.7 out of range")))
                .isEmpty();
    }

    @Test
    void onlyAnUnknownObjectIsNotFound() {
        assertThat(UserErrors.isNotFound(DomainException.notFound("programId: no program with id 7"))).isTrue();
        assertThat(UserErrors.isNotFound(DomainException.invalid("name: must not be empty"))).isFalse();
    }
}
