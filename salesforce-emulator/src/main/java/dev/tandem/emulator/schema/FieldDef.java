package dev.tandem.emulator.schema;

import java.util.List;

/**
 * One field of an object: the single definition that describe, write validation, SOQL typing and CSV coercion read.
 *
 * @param referenceTo target object names for reference fields, empty otherwise
 * @param relationshipName the parent relationship name for reference fields (e.g. "Campaign"), else null
 */
public record FieldDef(
        String name,
        String label,
        FieldType type,
        int length,
        int precision,
        int scale,
        boolean nillable,
        boolean createable,
        boolean updateable,
        boolean defaultedOnCreate,
        boolean externalId,
        boolean unique,
        boolean idLookup,
        boolean nameField,
        boolean custom,
        boolean calculated,
        boolean restrictedPicklist,
        List<PicklistValue> picklistValues,
        List<String> referenceTo,
        String relationshipName) {

    /** A picklist entry as describe shows it. */
    public record PicklistValue(String value, boolean defaultValue) {
    }

    public FieldDef {
        picklistValues = List.copyOf(picklistValues);
        referenceTo = List.copyOf(referenceTo);
    }

    /** True when a create must supply a value: not nillable, writable on create and not defaulted. */
    public boolean requiredOnCreate() {
        return !nillable && createable && !defaultedOnCreate && type != FieldType.BOOLEAN;
    }

    /** The picklist's default value, or null. */
    public String defaultPicklistValue() {
        for (PicklistValue v : picklistValues) {
            if (v.defaultValue()) {
                return v.value();
            }
        }
        return null;
    }

    /** Label used in "<Label> ID: id value of incorrect type" messages. */
    public String idLabel() {
        return label.endsWith(" ID") ? label.substring(0, label.length() - 3) : label;
    }
}
