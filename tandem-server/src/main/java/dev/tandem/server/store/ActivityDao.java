package dev.tandem.server.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.core.activity.Activity;
import dev.tandem.core.activity.ActivityType;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.SqlStatement;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Appends to and reads the activity log; attributes are stored as a JSON object keeping their order. */
public final class ActivityDao {

    private static final TypeReference<LinkedHashMap<String, Object>> ATTRIBUTES = new TypeReference<>() {
    };

    private static final String INSERT = "INSERT INTO activities (person_id, occurred_at, type_id, campaign_id, "
            + "primary_attribute_value_id, primary_attribute_value, attributes) VALUES (:person, :at, :type, "
            + ":campaign, :primaryId, :primaryValue, :attributes)";

    private final ObjectMapper json = new ObjectMapper();

    /** Appends one activity and returns its id. */
    public long insert(Handle handle, Activity activity) {
        return bind(handle.createUpdate(INSERT), activity).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    private <S extends SqlStatement<S>> S bind(S statement, Activity activity) {
        return statement.bind("person", activity.personId()).bind("at", activity.occurredAt())
                .bind("type", activity.type().id()).bind("campaign", activity.campaignId())
                .bind("primaryId", activity.primaryAttributeValueId())
                .bind("primaryValue", activity.primaryAttributeValue())
                .bind("attributes", toJson(activity.attributes()));
    }

    /** Appends activities in one batch and returns their ids in the same order. */
    public List<Long> insertAll(Handle handle, List<Activity> batch) {
        if (batch.isEmpty()) {
            return List.of();
        }
        PreparedBatch statement = handle.prepareBatch(INSERT);
        for (Activity activity : batch) {
            bind(statement, activity).add();
        }
        List<Long> ids = statement.executePreparedBatch("id").mapTo(Long.class).list();
        if (ids.size() != batch.size()) {
            throw new IllegalStateException("activity batch of " + batch.size() + " returned " + ids.size() + " ids");
        }
        return ids;
    }

    /**
     * Up to {@code limit} activities strictly after the position (occurredAt, id), in that order; empty
     * {@code typeIds} or {@code personIds} mean "any".
     */
    public List<Activity> after(Handle handle, Instant occurredAt, long id, Collection<Integer> typeIds,
                                Collection<Long> personIds, int limit) {
        StringBuilder sql = new StringBuilder("SELECT id, person_id, occurred_at, type_id, campaign_id, "
                + "primary_attribute_value_id, primary_attribute_value, attributes FROM activities "
                + "WHERE (occurred_at > :at OR (occurred_at = :at AND id > :id)) ");
        if (!typeIds.isEmpty()) {
            sql.append("AND type_id IN (<types>) ");
        }
        if (!personIds.isEmpty()) {
            sql.append("AND person_id IN (<people>) ");
        }
        sql.append("ORDER BY occurred_at, id LIMIT :limit");
        var query = handle.createQuery(sql.toString()).bind("at", occurredAt).bind("id", id).bind("limit", limit);
        if (!typeIds.isEmpty()) {
            query.bindList("types", new ArrayList<>(typeIds));
        }
        if (!personIds.isEmpty()) {
            query.bindList("people", new ArrayList<>(personIds));
        }
        return query.map((rs, ctx) -> row(rs)).list();
    }

    private String toJson(Map<String, Object> attributes) {
        try {
            return json.writeValueAsString(attributes);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("activity attributes: not serialisable as JSON: " + e.getMessage(), e);
        }
    }

    private Activity row(ResultSet rs) throws SQLException {
        int typeId = rs.getInt("type_id");
        ActivityType type = ActivityType.byId(typeId)
                .orElseThrow(() -> new IllegalStateException("activity type " + typeId + " is not known"));
        Map<String, Object> attributes;
        try {
            attributes = json.readValue(rs.getString("attributes"), ATTRIBUTES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("activity " + rs.getLong("id") + " has unreadable attributes", e);
        }
        return new Activity(rs.getLong("id"), rs.getLong("person_id"), TimeMapping.read(rs, "occurred_at"), type,
                rs.getObject("campaign_id", Long.class), rs.getObject("primary_attribute_value_id", Long.class),
                rs.getString("primary_attribute_value"), attributes);
    }
}
