package dev.tandem.core.activity;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One entry of a person's activity log. {@code id} is null until the log stores it; {@code campaignId} is the
 * smart campaign that caused it, if any. Attributes keep their insertion order and must belong to the type.
 */
public record Activity(Long id, long personId, Instant occurredAt, ActivityType type, Long campaignId,
                       Long primaryAttributeValueId, String primaryAttributeValue, Map<String, Object> attributes) {

    public Activity {
        if (occurredAt == null || type == null) {
            throw new IllegalArgumentException("activity: occurredAt and type are required");
        }
        Map<String, Object> copy = new LinkedHashMap<>();
        if (attributes != null) {
            attributes.forEach((name, value) -> {
                if (!type.hasAttribute(name)) {
                    throw new IllegalArgumentException("activity " + type.id() + ": unknown attribute '" + name + "'");
                }
                copy.put(name, value);
            });
        }
        attributes = Collections.unmodifiableMap(copy);
    }

    /** A not-yet-stored activity. */
    public static Activity of(long personId, Instant occurredAt, ActivityType type, Long campaignId,
                              Long primaryAttributeValueId, String primaryAttributeValue,
                              Map<String, Object> attributes) {
        return new Activity(null, personId, occurredAt, type, campaignId, primaryAttributeValueId,
                primaryAttributeValue, attributes);
    }

    /** The same activity with its stored id. */
    public Activity withId(long storedId) {
        return new Activity(storedId, personId, occurredAt, type, campaignId, primaryAttributeValueId,
                primaryAttributeValue, attributes);
    }
}
