package dev.tandem.core.token;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

class TokenDateTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Test
    void aDateIsItsStartInTheSubscriptionZone() {
        assertThat(TokenDate.parse("2026-12-01", PARIS)).contains(Instant.parse("2026-11-30T23:00:00Z"));
    }

    @Test
    void aLocalDateTimeIsReadInTheZoneAndAnOffsetDateTimeAsItSays() {
        assertThat(TokenDate.parse("2026-07-01T09:00", PARIS)).contains(Instant.parse("2026-07-01T07:00:00Z"));
        assertThat(TokenDate.parse("2026-07-01T09:00:00Z", PARIS)).contains(Instant.parse("2026-07-01T09:00:00Z"));
    }

    @Test
    void textThatIsNoDateGivesNothing() {
        assertThat(TokenDate.parse("next Friday", PARIS)).isEmpty();
        assertThat(TokenDate.parse("", PARIS)).isEmpty();
    }
}
