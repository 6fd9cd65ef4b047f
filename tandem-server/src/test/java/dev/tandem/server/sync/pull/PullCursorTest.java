package dev.tandem.server.sync.pull;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PullCursorTest {

    private static final Instant T = Instant.parse("2026-03-01T10:00:00Z");
    private static final Duration OVERLAP = Duration.ofMinutes(1);

    @Test
    void readsStartAnOverlapBeforeAMarkThatJustMoved() {
        PullCursor moved = PullCursor.START.advancedTo(T, T.plusSeconds(2));

        assertThat(moved.readFrom(OVERLAP)).isEqualTo(T.minusSeconds(60));
    }

    @Test
    void theFirstPollReadsFromTheBeginning() {
        assertThat(PullCursor.START.readFrom(OVERLAP)).isEqualTo(Instant.EPOCH);
    }

    @Test
    void aCommittedPageMovesTheMarkToItsNewestRow() {
        PullCursor cursor = new PullCursor(T, T, null).advancedTo(T.plusSeconds(9), T.plusSeconds(10));

        assertThat(cursor.highWater()).isEqualTo(T.plusSeconds(9));
        assertThat(cursor.advancedAt()).isEqualTo(T.plusSeconds(10));
    }

    @Test
    void theMarkNeverMovesBackwards() {
        PullCursor cursor = new PullCursor(T, T, null);

        assertThat(cursor.advancedTo(T.minusSeconds(30), T.plusSeconds(5))).isEqualTo(cursor);
        assertThat(cursor.advancedTo(null, T.plusSeconds(5))).isEqualTo(cursor);
    }

    @Test
    void aWindowReadTooSoonAfterTheMarkMovedDoesNotCountAsSettled() {
        PullCursor cursor = new PullCursor(T, T.plusSeconds(1), null).windowRead(T.plusSeconds(30));

        assertThat(cursor.needsWindow(OVERLAP)).isTrue();
        assertThat(cursor.readFrom(OVERLAP)).isEqualTo(T.minusSeconds(60));
    }

    @Test
    void onceTheWindowWasReadAnOverlapAfterTheMarkMovedReadsStartAtTheMark() {
        PullCursor cursor = new PullCursor(T, T.plusSeconds(1), null).windowRead(T.plusSeconds(61));

        assertThat(cursor.needsWindow(OVERLAP)).isFalse();
        assertThat(cursor.readFrom(OVERLAP)).isEqualTo(T);
    }
}
