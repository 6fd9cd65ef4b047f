package dev.tandem.salesforce.preflight;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The parts of an object's describe that a sync needs: what the user may do and which fields exist. */
public record SObjectDescribe(String name, boolean createable, boolean updateable, boolean deletable,
                              boolean queryable, List<FieldDescribe> fields) {
    public SObjectDescribe {
        fields = List.copyOf(fields);
    }

    /** The field of that name, ignoring case as Salesforce does. */
    public Optional<FieldDescribe> field(String name) {
        return fields.stream().filter(f -> f.name().equalsIgnoreCase(name)).findFirst();
    }

    /** Reads a {@code /sobjects/{type}/describe} body. */
    public static SObjectDescribe of(JsonNode n) {
        List<FieldDescribe> fields = new ArrayList<>();
        for (JsonNode f : n.path("fields")) {
            List<String> picklist = new ArrayList<>();
            f.path("picklistValues").forEach(p -> {
                if (p.path("active").asBoolean(true)) {
                    picklist.add(p.path("value").asText());
                }
            });
            List<String> refs = new ArrayList<>();
            f.path("referenceTo").forEach(r -> refs.add(r.asText()));
            fields.add(new FieldDescribe(f.path("name").asText(), f.path("type").asText(),
                    f.path("createable").asBoolean(), f.path("updateable").asBoolean(), f.path("nillable").asBoolean(),
                    f.path("externalId").asBoolean(), f.path("length").asInt(), picklist, refs));
        }
        return new SObjectDescribe(n.path("name").asText(), n.path("createable").asBoolean(),
                n.path("updateable").asBoolean(), n.path("deletable").asBoolean(), n.path("queryable").asBoolean(),
                fields);
    }
}
