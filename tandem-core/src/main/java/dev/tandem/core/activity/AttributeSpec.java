package dev.tandem.core.activity;

/** Name and data type of one activity attribute, as listed by the activity types endpoint. */
public record AttributeSpec(String name, String dataType) {

    /** A string attribute. */
    public static AttributeSpec string(String name) {
        return new AttributeSpec(name, "string");
    }

    /** An integer attribute. */
    public static AttributeSpec integer(String name) {
        return new AttributeSpec(name, "integer");
    }

    /** A boolean attribute. */
    public static AttributeSpec bool(String name) {
        return new AttributeSpec(name, "boolean");
    }

    /** A date-time attribute. */
    public static AttributeSpec datetime(String name) {
        return new AttributeSpec(name, "datetime");
    }
}
