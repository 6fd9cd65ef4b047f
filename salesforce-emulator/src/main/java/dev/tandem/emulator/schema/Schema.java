package dev.tandem.emulator.schema;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The org's object registry: the one source for describe, validation, SOQL typing and CSV coercion. */
public final class Schema {
    private final Map<String, ObjectDef> objectsLower = new LinkedHashMap<>();
    private final Map<String, ObjectDef> byPrefix = new LinkedHashMap<>();
    private final List<ChildRelationship> children;

    public Schema(List<ObjectDef> objects, List<ChildRelationship> children) {
        for (ObjectDef o : objects) {
            objectsLower.put(o.name().toLowerCase(Locale.ROOT), o);
            byPrefix.put(o.keyPrefix(), o);
        }
        this.children = List.copyOf(children);
    }

    /** The object with this name in any case, or null. */
    public ObjectDef object(String anyCase) {
        return anyCase == null ? null : objectsLower.get(anyCase.toLowerCase(Locale.ROOT));
    }

    /** The object whose ids start with this key prefix, or null. */
    public ObjectDef objectForId(String id) {
        return id == null || id.length() < 3 ? null : byPrefix.get(id.substring(0, 3));
    }

    public Collection<ObjectDef> objects() {
        return Collections.unmodifiableCollection(objectsLower.values());
    }

    /** Child relationships whose parent is the given object. */
    public List<ChildRelationship> childRelationships(ObjectDef parent) {
        List<ChildRelationship> out = new ArrayList<>();
        for (ChildRelationship c : children) {
            if (c.parentObject().equals(parent.name())) {
                out.add(c);
            }
        }
        return out;
    }

    /** The child relationship of a parent with this name (any case), or null. */
    public ChildRelationship childRelationship(ObjectDef parent, String nameAnyCase) {
        for (ChildRelationship c : childRelationships(parent)) {
            if (c.relationshipName().equalsIgnoreCase(nameAnyCase)) {
                return c;
            }
        }
        return null;
    }
}
