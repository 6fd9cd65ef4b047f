package dev.tandem.server.automation.document;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.core.automation.Recurrence;
import dev.tandem.core.automation.WaitWindow;
import dev.tandem.server.automation.validation.Problems;

import java.time.DayOfWeek;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * A recurrence as JSON, in the shape of Marketo's {@code Recurrence}: {@code startAt}, {@code endAt},
 * {@code intervalType} (Daily, Weekly, Monthly), {@code interval}, {@code weekdayOnly}, {@code weekdayMask} (day
 * names), {@code dayOfMonth}, {@code dayOfWeek}, {@code weekOfMonth}. The API and the campaign store share it.
 */
public final class RecurrenceJson {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private RecurrenceJson() {
    }

    /** The JSON of a recurrence. */
    public static ObjectNode write(Recurrence r) {
        ObjectNode node = JSON.objectNode();
        node.put("startAt", r.startAt().toString());
        node.put("endAt", r.endAt() == null ? null : r.endAt().toString());
        node.put("intervalType", r.intervalType().apiName());
        node.put("interval", r.interval());
        if (r.intervalType() == Recurrence.IntervalType.DAILY) {
            node.put("weekdayOnly", r.weekdayOnly());
        }
        if (!r.weekdayMask().isEmpty()) {
            ArrayNode mask = node.putArray("weekdayMask");
            new TreeSet<>(r.weekdayMask()).forEach(d -> mask.add(WaitWindow.dayName(d)));
        }
        if (r.dayOfMonth() != null) {
            node.put("dayOfMonth", r.dayOfMonth());
        }
        if (r.dayOfWeek() != null) {
            node.put("dayOfWeek", WaitWindow.dayName(r.dayOfWeek()));
            node.put("weekOfMonth", r.weekOfMonth());
        }
        return node;
    }

    /**
     * Reads a recurrence whose {@code startAt} and {@code endAt} the caller has parsed.
     *
     * @throws dev.tandem.server.automation.validation.InvalidCampaignException naming each field at fault
     */
    public static Recurrence read(JsonNode node, Instant startAt, Instant endAt) {
        Problems problems = new Problems();
        Fields.onlyKnown(node, "recurrence", problems, "startAt", "endAt", "intervalType", "interval", "weekdayOnly",
                "weekdayMask", "dayOfMonth", "dayOfWeek", "weekOfMonth");
        String typeText = Fields.text(node, "intervalType", "recurrence", problems, true);
        Recurrence.IntervalType type = null;
        if (typeText != null) {
            try {
                type = Recurrence.IntervalType.parse(typeText);
            } catch (IllegalArgumentException e) {
                problems.add("recurrence", e.getMessage());
            }
        }
        int interval = integer(node, "interval", problems, 1);
        boolean weekdayOnly = false;
        JsonNode flag = node.get("weekdayOnly");
        if (flag != null && !flag.isNull()) {
            if (!flag.isBoolean()) {
                problems.add("recurrence.weekdayOnly", "must be true or false");
            }
            weekdayOnly = flag.asBoolean();
        }
        Set<DayOfWeek> mask = EnumSet.noneOf(DayOfWeek.class);
        JsonNode days = node.get("weekdayMask");
        if (days != null && !days.isNull()) {
            if (!days.isArray()) {
                problems.add("recurrence.weekdayMask", "must be an array of day names such as [\"Monday\"]");
            } else {
                for (int i = 0; i < days.size(); i++) {
                    try {
                        mask.add(WaitWindow.day(days.get(i).asText()));
                    } catch (IllegalArgumentException e) {
                        problems.add("recurrence.weekdayMask[" + i + "]", e.getMessage());
                    }
                }
            }
        }
        Integer dayOfMonth = node.hasNonNull("dayOfMonth") ? integer(node, "dayOfMonth", problems, 0) : null;
        Integer weekOfMonth = node.hasNonNull("weekOfMonth") ? integer(node, "weekOfMonth", problems, 0) : null;
        DayOfWeek dayOfWeek = null;
        if (node.hasNonNull("dayOfWeek")) {
            try {
                dayOfWeek = WaitWindow.day(node.get("dayOfWeek").asText());
            } catch (IllegalArgumentException e) {
                problems.add("recurrence.dayOfWeek", e.getMessage());
            }
        }
        problems.throwIfAny();
        try {
            return new Recurrence(startAt, type, interval, endAt, weekdayOnly, mask, dayOfMonth, dayOfWeek,
                    weekOfMonth);
        } catch (IllegalArgumentException e) {
            for (String problem : e.getMessage().split("; ")) {
                problems.add("recurrence", problem);
            }
            problems.throwIfAny();
            throw e;
        }
    }

    private static int integer(JsonNode node, String field, Problems problems, int absent) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return absent;
        }
        if (!value.canConvertToInt() || !value.isIntegralNumber()) {
            problems.add("recurrence." + field, "must be a whole number, got " + value);
            return absent;
        }
        return value.asInt();
    }
}
