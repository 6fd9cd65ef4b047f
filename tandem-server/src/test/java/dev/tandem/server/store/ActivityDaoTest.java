package dev.tandem.server.store;

import dev.tandem.core.activity.Activity;
import dev.tandem.core.activity.ActivityType;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ActivityDaoTest extends DatabaseTest {

    private static final Instant T = Instant.parse("2026-03-01T10:15:30.000001Z");
    private final ActivityDao activities = new ActivityDao();

    private long append(long person, Instant at, ActivityType type, Map<String, Object> attributes) {
        return database().jdbi().inTransaction(h -> activities.insert(h,
                Activity.of(person, at, type, 9L, 5L, "Spring", attributes)));
    }

    @Test
    void attributesRoundTripInOrderWithTheirJsonTypes() {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("Success", true);
        attributes.put("Reason", "Changed by API");
        attributes.put("Program Member ID", 42);
        attributes.put("Old Status ID", null);
        long id = append(1, T, ActivityType.CHANGE_STATUS_IN_PROGRESSION, attributes);
        Activity read = database().jdbi().withHandle(h ->
                activities.after(h, Instant.EPOCH, 0, Set.of(), Set.of(), 10)).get(0);
        assertThat(read.id()).isEqualTo(id);
        assertThat(read.occurredAt()).isEqualTo(T);
        assertThat(read.campaignId()).isEqualTo(9L);
        assertThat(read.primaryAttributeValueId()).isEqualTo(5L);
        assertThat(read.attributes()).containsExactly(Map.entry("Success", true), Map.entry("Reason", "Changed by API"),
                Map.entry("Program Member ID", 42), new java.util.AbstractMap.SimpleEntry<>("Old Status ID", null));
    }

    @Test
    void readsAreOrderedByTimeThenIdAndStartStrictlyAfterThePosition() {
        long late = append(1, T.plusSeconds(10), ActivityType.NEW_LEAD, Map.of());
        long early = append(1, T, ActivityType.NEW_LEAD, Map.of());
        long sameTime = append(2, T, ActivityType.NEW_LEAD, Map.of());
        List<Long> all = database().jdbi().withHandle(h -> activities.after(h, Instant.EPOCH, 0, Set.of(), Set.of(), 10))
                .stream().map(Activity::id).toList();
        assertThat(all).containsExactly(early, sameTime, late);
        List<Long> rest = database().jdbi().withHandle(h -> activities.after(h, T, early, Set.of(), Set.of(), 10))
                .stream().map(Activity::id).toList();
        assertThat(rest).containsExactly(sameTime, late);
    }

    @Test
    void readsFilterByTypeAndPerson() {
        append(1, T, ActivityType.NEW_LEAD, Map.of());
        long wanted = append(2, T, ActivityType.REQUEST_CAMPAIGN, Map.of());
        append(3, T, ActivityType.REQUEST_CAMPAIGN, Map.of());
        List<Long> found = database().jdbi().withHandle(h -> activities.after(h, Instant.EPOCH, 0,
                Set.of(ActivityType.REQUEST_CAMPAIGN.id()), Set.of(2L), 10)).stream().map(Activity::id).toList();
        assertThat(found).containsExactly(wanted);
    }
}
