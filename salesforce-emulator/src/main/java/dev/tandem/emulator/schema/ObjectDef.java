package dev.tandem.emulator.schema;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** One sObject type: its names, key prefix, capabilities and fields (looked up case-insensitively). */
public final class ObjectDef {
    private final String name;
    private final String label;
    private final String labelPlural;
    private final String keyPrefix;
    private final boolean createable;
    private final boolean updateable;
    private final boolean deletable;
    private final Map<String, FieldDef> fields = new LinkedHashMap<>();
    private final Map<String, FieldDef> fieldsLower = new LinkedHashMap<>();
    private final Map<String, FieldDef> relationshipsLower = new LinkedHashMap<>();

    public ObjectDef(String name, String label, String labelPlural, String keyPrefix,
                     boolean createable, boolean updateable, boolean deletable, List<FieldDef> fieldDefs) {
        this.name = name;
        this.label = label;
        this.labelPlural = labelPlural;
        this.keyPrefix = keyPrefix;
        this.createable = createable;
        this.updateable = updateable;
        this.deletable = deletable;
        fieldDefs.forEach(this::add);
    }

    private void add(FieldDef f) {
        String key = f.name().toLowerCase(Locale.ROOT);
        if (fieldsLower.containsKey(key)) {
            throw new IllegalArgumentException("duplicate field " + name + "." + f.name());
        }
        fields.put(f.name(), f);
        fieldsLower.put(key, f);
        if (f.relationshipName() != null) {
            relationshipsLower.put(f.relationshipName().toLowerCase(Locale.ROOT), f);
        }
    }

    /** A copy of this object with extra (custom) fields appended. */
    public ObjectDef withFields(List<FieldDef> extra) {
        List<FieldDef> all = new java.util.ArrayList<>(fields.values());
        all.addAll(extra);
        return new ObjectDef(name, label, labelPlural, keyPrefix, createable, updateable, deletable, all);
    }

    public String name() { return name; }
    public String label() { return label; }
    public String labelPlural() { return labelPlural; }
    public String keyPrefix() { return keyPrefix; }
    public boolean createable() { return createable; }
    public boolean updateable() { return updateable; }
    public boolean deletable() { return deletable; }

    /** All fields in describe order. */
    public Collection<FieldDef> fields() {
        return Collections.unmodifiableCollection(fields.values());
    }

    /** The field with this name in any letter case, or null. */
    public FieldDef field(String anyCase) {
        return fieldsLower.get(anyCase.toLowerCase(Locale.ROOT));
    }

    /** The reference field whose relationship name this is (any case), or null. */
    public FieldDef relationship(String anyCase) {
        return relationshipsLower.get(anyCase.toLowerCase(Locale.ROOT));
    }
}
