package dev.tandem.emulator.schema;

/**
 * A custom field declared in the emulator's configuration, e.g. an external id on CampaignMember for upserts.
 *
 * @param object the standard object it extends (any case)
 * @param name API name, must end in "__c"
 * @param type one of the {@link FieldType} names (or aliases such as "Text", "Checkbox")
 * @param length maximum length for text types (0 = type default)
 */
public record CustomField(String object, String name, String type, int length, boolean externalId, boolean unique) {

    public CustomField {
        if (object == null || name == null || !name.endsWith("__c")) {
            throw new IllegalArgumentException("custom field names must end in __c: " + name);
        }
        FieldType.parse(type);
    }

    /** A text external-id field, unique, the usual choice for upsert keys. */
    public static CustomField externalIdText(String object, String name) {
        return new CustomField(object, name, "string", 255, true, true);
    }

    /** The field definition this declaration stands for. */
    public FieldDef toFieldDef() {
        FieldBuilder b = FieldBuilder.field(name, FieldType.parse(type)).custom();
        if (length > 0) {
            b.length(length);
        }
        if (externalId) {
            b.externalId();
        }
        if (unique) {
            b.unique();
        }
        return b.build();
    }
}
