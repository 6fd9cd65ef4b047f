package dev.tandem.emulator.schema;

import java.util.ArrayList;
import java.util.List;

/** Fluent construction of {@link FieldDef}s, defaulting to a nillable, writable standard field. */
public final class FieldBuilder {
    private final String name;
    private final FieldType type;
    private String label;
    private int length;
    private int precision;
    private int scale;
    private boolean nillable = true;
    private boolean createable = true;
    private boolean updateable = true;
    private boolean defaultedOnCreate;
    private boolean externalId;
    private boolean unique;
    private boolean idLookup;
    private boolean nameField;
    private boolean custom;
    private boolean restrictedPicklist;
    private final List<FieldDef.PicklistValue> picklist = new ArrayList<>();
    private final List<String> referenceTo = new ArrayList<>();
    private String relationshipName;

    private FieldBuilder(String name, FieldType type) {
        this.name = name;
        this.type = type;
        this.label = name.endsWith("__c") ? name.substring(0, name.length() - 3).replace('_', ' ') : name;
        this.length = switch (type) {
            case ID, REFERENCE -> 18;
            case STRING -> 255;
            case TEXTAREA -> 32000;
            case EMAIL, PHONE -> 80;
            case URL -> 255;
            case PICKLIST -> 255;
            default -> 0;
        };
        if (type == FieldType.CURRENCY || type == FieldType.DOUBLE || type == FieldType.PERCENT) {
            precision = 18;
            scale = 2;
        }
        if (type == FieldType.BOOLEAN) {
            nillable = false;
            defaultedOnCreate = true;
        }
    }

    public static FieldBuilder field(String name, FieldType type) {
        return new FieldBuilder(name, type);
    }

    public FieldBuilder label(String l) { this.label = l; return this; }
    public FieldBuilder length(int l) { this.length = l; return this; }
    public FieldBuilder precision(int p, int s) { this.precision = p; this.scale = s; return this; }
    public FieldBuilder required() { this.nillable = false; return this; }
    public FieldBuilder notNillable() { this.nillable = false; return this; }
    public FieldBuilder readOnly() { this.createable = false; this.updateable = false; return this; }
    public FieldBuilder createOnly() { this.updateable = false; return this; }
    public FieldBuilder defaulted() { this.defaultedOnCreate = true; return this; }
    public FieldBuilder externalId() { this.externalId = true; this.idLookup = true; return this; }
    public FieldBuilder unique() { this.unique = true; return this; }
    public FieldBuilder idLookup() { this.idLookup = true; return this; }
    public FieldBuilder nameField() { this.nameField = true; return this; }
    public FieldBuilder custom() { this.custom = true; return this; }
    public FieldBuilder restricted() { this.restrictedPicklist = true; return this; }

    public FieldBuilder values(String defaultValue, String... values) {
        for (String v : values) {
            picklist.add(new FieldDef.PicklistValue(v, v.equals(defaultValue)));
        }
        if (defaultValue != null) {
            defaultedOnCreate = true;
        }
        return this;
    }

    public FieldBuilder references(String relationship, String... targets) {
        this.relationshipName = relationship;
        this.referenceTo.addAll(List.of(targets));
        return this;
    }

    public FieldDef build() {
        return new FieldDef(name, label, type, length, precision, scale, nillable, createable, updateable,
                defaultedOnCreate, externalId, unique, idLookup, nameField, custom, false, restrictedPicklist,
                picklist, referenceTo, relationshipName);
    }
}
