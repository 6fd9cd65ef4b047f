package dev.tandem.server.domain.activity;

import dev.tandem.core.activity.Activity;
import dev.tandem.core.activity.ActivityType;
import dev.tandem.server.store.DatabaseTest;
import dev.tandem.server.store.Page;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ActivityLogTest extends DatabaseTest {

    private static final Instant T = Instant.parse("2026-03-01T09:00:00Z");
    private ActivityLog log;

    @BeforeEach
    void log() {
        log = new ActivityLog(database().jdbi());
    }

    private Activity append(long person, Instant at, ActivityType type) {
        return database().jdbi().inTransaction(tx -> log.append(tx, Activity.of(person, at, type, null, null, null,
                Map.of())));
    }

    @Test
    void appendReturnsTheActivityWithItsIdAndTellsListenersInTheTransaction() {
        List<Activity> seen = new ArrayList<>();
        log.addListener((tx, a) -> seen.add(a));
        Activity stored = append(1, T, ActivityType.REQUEST_CAMPAIGN);
        assertThat(stored.id()).isNotNull();
        assertThat(seen).containsExactly(stored);
    }

    @Test
    void batchAppendKeepsOrderAndGivesEachActivityItsOwnId() {
        List<Activity> seen = new ArrayList<>();
        log.addListener((tx, a) -> seen.add(a));
        List<Activity> stored = database().jdbi().inTransaction(tx -> log.appendAll(tx, List.of(
                Activity.of(1, T, ActivityType.NEW_LEAD, null, null, null, Map.of()),
                Activity.of(2, T, ActivityType.NEW_LEAD, null, null, null, Map.of()),
                Activity.of(3, T, ActivityType.NEW_LEAD, null, null, null, Map.of()))));
        assertThat(stored).extracting(Activity::personId).containsExactly(1L, 2L, 3L);
        assertThat(stored).extracting(Activity::id).doesNotHaveDuplicates().isSorted();
        assertThat(seen).containsExactlyElementsOf(stored);
        assertThat(log.read(ActivityQuery.all(), log.pagingToken(T), 10).items()).containsExactlyElementsOf(stored);
    }

    @Test
    void listenerFailureRollsTheAppendBack() {
        log.addListener((tx, a) -> {
            throw new IllegalStateException("queue full");
        });
        assertThatThrownBy(() -> append(1, T, ActivityType.NEW_LEAD)).hasMessage("queue full");
        assertThat(log.read(ActivityQuery.all(), log.pagingToken(Instant.EPOCH), 10).items()).isEmpty();
    }

    @Test
    void readStartsAtTheSinceDateInclusive() {
        append(1, T.minusSeconds(1), ActivityType.NEW_LEAD);
        Activity onTime = append(2, T, ActivityType.NEW_LEAD);
        Page<Activity> page = log.read(ActivityQuery.all(), log.pagingToken(T), 10);
        assertThat(page.items()).containsExactly(onTime);
    }

    @Test
    void pagesFollowEachOtherAndTheLastOneStillCarriesAToken() {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(append(1, T.plusSeconds(i), ActivityType.NEW_LEAD).id());
        }
        Page<Activity> first = log.read(ActivityQuery.all(), log.pagingToken(T), 3);
        assertThat(first.moreResult()).isTrue();
        Page<Activity> second = log.read(ActivityQuery.all(), first.nextPageToken(), 3);
        assertThat(second.moreResult()).isFalse();
        assertThat(second.items()).extracting(Activity::id).containsExactlyElementsOf(ids.subList(3, 5));
        assertThat(second.nextPageToken()).isNotNull();
        Activity later = append(1, T.plusSeconds(60), ActivityType.NEW_LEAD);
        assertThat(log.read(ActivityQuery.all(), second.nextPageToken(), 3).items()).containsExactly(later);
    }

    @Test
    void emptyPageKeepsTheTokenItWasGiven() {
        String token = log.pagingToken(T);
        assertThat(log.read(ActivityQuery.all(), token, 3).nextPageToken()).isEqualTo(token);
    }

    @Test
    void readFiltersByTypesAndPeople() {
        append(1, T, ActivityType.NEW_LEAD);
        Activity wanted = append(2, T, ActivityType.CHANGE_STATUS_IN_PROGRESSION);
        append(3, T, ActivityType.CHANGE_STATUS_IN_PROGRESSION);
        Page<Activity> page = log.read(new ActivityQuery(Set.of(104, 42), Set.of(2L)), log.pagingToken(T), 10);
        assertThat(page.items()).containsExactly(wanted);
    }

    @Test
    void malformedTokenAndOversizedBatchAreRefusedNamingTheField() {
        assertThatThrownBy(() -> log.read(ActivityQuery.all(), "%%%", 10)).hasMessageStartingWith("nextPageToken:");
        assertThatThrownBy(() -> log.read(ActivityQuery.all(), log.pagingToken(T), 301))
                .hasMessageStartingWith("batchSize:");
    }
}
