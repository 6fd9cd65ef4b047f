package dev.tandem.server.api;

import dev.tandem.core.person.Person;
import dev.tandem.core.person.PersonFields;
import dev.tandem.core.person.SfdcType;
import dev.tandem.server.http.ApiException;
import dev.tandem.server.http.ErrorCode;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The lead fields Tandem serves, their Marketo API names and data types, and what a client may write. */
final class LeadFields {
    /** What a lead read returns when the client names no fields (Marketo's default set). */
    static final List<String> DEFAULTS = List.of("id", "email", "firstName", "lastName", "updatedAt", "createdAt");

    /** Readable fields by API name, with their Marketo data type. */
    static final Map<String, String> TYPES = orderedTypes();

    /** Fields a client may write. */
    static final List<String> WRITABLE = List.of("email", "firstName", "lastName", "company", "title", "phone", "sfdcType", "sfdcId");

    private static final Map<String, Function<Person, Object>> READERS = Map.ofEntries(
            Map.entry("id", Person::id),
            Map.entry("email", Person::email),
            Map.entry("firstName", Person::firstName),
            Map.entry("lastName", Person::lastName),
            Map.entry("company", Person::company),
            Map.entry("title", Person::title),
            Map.entry("phone", Person::phone),
            Map.entry("sfdcType", p -> p.sfdcType() == null ? null : p.sfdcType().apiName()),
            Map.entry("sfdcId", Person::sfdcId),
            Map.entry("sfdcIsDeleted", Person::sfdcIsDeleted),
            Map.entry("acquisitionProgramId", Person::acquisitionProgramId),
            Map.entry("acquisitionDate", Person::acquisitionDate),
            Map.entry("createdAt", Person::createdAt),
            Map.entry("updatedAt", Person::updatedAt));

    private LeadFields() {
    }

    private static Map<String, String> orderedTypes() {
        LinkedHashMap<String, String> types = new LinkedHashMap<>();
        types.put("id", "integer");
        types.put("email", "email");
        types.put("firstName", "string");
        types.put("lastName", "string");
        types.put("company", "string");
        types.put("title", "string");
        types.put("phone", "phone");
        types.put("sfdcType", "string");
        types.put("sfdcId", "string");
        types.put("sfdcIsDeleted", "boolean");
        types.put("acquisitionProgramId", "integer");
        types.put("acquisitionDate", "datetime");
        types.put("createdAt", "datetime");
        types.put("updatedAt", "datetime");
        return Collections.unmodifiableMap(types);
    }

    /** The value of one readable field. */
    static Object value(Person person, String field) {
        return READERS.get(field).apply(person);
    }

    /** Validates a {@code fields} parameter: 1006 naming the first unknown field. */
    static List<String> requested(List<String> fields) {
        if (fields.isEmpty()) {
            return DEFAULTS;
        }
        for (String field : fields) {
            if (!READERS.containsKey(field)) {
                throw new ApiException(ErrorCode.FIELD_NOT_FOUND, "Field '" + field + "' not found");
            }
        }
        return fields;
    }

    /** Parses an {@code sfdcType} value as Marketo spells it ("Lead", "Contact"). */
    static SfdcType sfdcType(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        for (SfdcType type : SfdcType.values()) {
            if (type.apiName().equalsIgnoreCase(value.trim()) || type.name().equalsIgnoreCase(value.trim())) {
                return type;
            }
        }
        throw new IllegalArgumentException("sfdcType: '" + value + "' is not Lead or Contact");
    }

    /** Builds the writable fields of one input record. */
    static PersonFields fields(Map<String, String> record) {
        return new PersonFields(record.get("email"), record.get("firstName"), record.get("lastName"),
                record.get("company"), record.get("title"), record.get("phone"), sfdcType(record.get("sfdcType")),
                record.get("sfdcId"));
    }
}
