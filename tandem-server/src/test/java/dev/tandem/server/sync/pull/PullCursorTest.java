package dev.tandem.server.sync.pull;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PullCursorTest {

    private static final Instant T = Instant.parse("2026-03-01T10:00:00Z");

    @Test
    void readsStartAnOverlapBeforeTheHighWaterMark() {
        assertThat(new PullCursor(T).readFrom(Duration.ofMinutes(1))).isEqualTo(T.minusSeconds(60));
    }

    @Test
    void theFirstPollReadsFromTheBeginning() {
        assertThat(PullCursor.START.readFrom(Duration.ofMinutes(1))).isEqualTo(Instant.EPOCH);
    }

    @Test
    void aCommittedPageMovesTheMarkToItsNewestRow() {
        assertThat(new PullCursor(T).advancedTo(T.plusSeconds(9))).isEqualTo(new PullCursor(T.plusSeconds(9)));
    }

    @Test
    void theMarkNeverMovesBackwards() {
        assertThat(new PullCursor(T).advancedTo(T.minusSeconds(30))).isEqualTo(new PullCursor(T));
        assertThat(new PullCursor(T).advancedTo(null)).isEqualTo(new PullCursor(T));
    }
}
