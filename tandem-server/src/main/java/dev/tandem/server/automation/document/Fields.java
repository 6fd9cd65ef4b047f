package dev.tandem.server.automation.document;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.core.automation.StatusConstraint;
import dev.tandem.server.automation.validation.Problems;

import java.util.ArrayList;
import java.util.List;

/** Field readers shared by the document readers: each records a problem naming the path instead of throwing. */
final class Fields {

    private Fields() {
    }

    static String text(JsonNode node, String field, String path, Problems problems, boolean required) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || (value.isTextual() && value.asText().isBlank())) {
            if (required) {
                problems.add(path + "." + field, "is required");
            }
            return null;
        }
        if (!value.isTextual()) {
            problems.add(path + "." + field, "must be a string");
            return null;
        }
        return value.asText().trim();
    }

    static Long id(JsonNode node, String field, String path, Problems problems, boolean required) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                problems.add(path + "." + field, "is required");
            }
            return null;
        }
        if (!value.canConvertToLong() || !value.isIntegralNumber() || value.asLong() < 1) {
            problems.add(path + "." + field, "must be a positive whole number, was " + value);
            return null;
        }
        return value.asLong();
    }

    static List<String> texts(JsonNode node, String field, String path, Problems problems, boolean required) {
        JsonNode value = node.get(field);
        List<String> out = new ArrayList<>();
        if (value == null || value.isNull() || (value.isArray() && value.isEmpty())) {
            if (required) {
                problems.add(path + "." + field, "at least one value is required");
            }
            return out;
        }
        if (!value.isArray()) {
            problems.add(path + "." + field, "must be an array of strings");
            return out;
        }
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            if (!item.isTextual() || item.asText().isBlank()) {
                problems.add(path + "." + field + "[" + i + "]", "must be a non-empty string");
            } else {
                out.add(item.asText().trim());
            }
        }
        return out;
    }

    /** An optional {@code {"operator":"is"|"is not","values":[…]}}; null when absent. */
    static StatusConstraint status(JsonNode node, String field, String path, Problems problems) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        String at = path + "." + field;
        if (!value.isObject()) {
            problems.add(at, "must be an object {\"operator\":\"is\"|\"is not\",\"values\":[…]}");
            return null;
        }
        String operator = text(value, "operator", at, problems, false);
        boolean negated = false;
        if (operator != null) {
            try {
                negated = StatusConstraint.parseNegated(operator);
            } catch (IllegalArgumentException e) {
                problems.add(at + ".operator", e.getMessage());
            }
        }
        List<String> values = texts(value, "values", at, problems, true);
        return values.isEmpty() ? null : new StatusConstraint(negated, values);
    }

    /** Rejects fields the element does not know, so a typo never silently drops a constraint. */
    static void onlyKnown(JsonNode node, String path, Problems problems, String... known) {
        List<String> allowed = List.of(known);
        node.fieldNames().forEachRemaining(name -> {
            if (!allowed.contains(name)) {
                problems.add(path + "." + name, "is not a field of this element (known: " + String.join(", ", allowed)
                        + ")");
            }
        });
    }
}
