package dev.tandem.emulator.org;

import dev.tandem.emulator.error.ApiException;
import dev.tandem.emulator.ids.IdGenerator;
import dev.tandem.emulator.schema.FieldDef;
import dev.tandem.emulator.schema.FieldType;
import dev.tandem.emulator.schema.ObjectDef;
import dev.tandem.emulator.schema.Schema;
import dev.tandem.emulator.schema.StandardSchema;
import dev.tandem.emulator.schema.Values;
import dev.tandem.emulator.store.SRecord;
import dev.tandem.emulator.store.Store;
import dev.tandem.emulator.store.Table;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Generic create / update / delete / upsert of records, validated against the schema, with object rules applied
 * through {@link Trigger}s. Callers hold the store's write lock and pass a transaction to roll back on failure.
 */
public final class RecordService {
    private final Store store;
    private final IdGenerator ids;
    private final OrgSettings settings;
    private final Map<String, Trigger> triggers = new HashMap<>();
    private final CampaignMemberTrigger memberTrigger;

    public RecordService(Store store, IdGenerator ids, OrgSettings settings) {
        this.store = store;
        this.ids = ids;
        this.settings = settings;
        triggers.put(StandardSchema.CAMPAIGN, new CampaignTrigger(this));
        CampaignMemberTrigger memberTrigger = new CampaignMemberTrigger(this);
        triggers.put(StandardSchema.CAMPAIGN_MEMBER, memberTrigger);
        triggers.put(StandardSchema.CAMPAIGN_MEMBER_STATUS, new MemberStatusTrigger(this, memberTrigger));
        this.memberTrigger = memberTrigger;
        triggers.put(StandardSchema.LEAD, new PersonTrigger(this, true));
        triggers.put(StandardSchema.CONTACT, new PersonTrigger(this, false));
        triggers.put(StandardSchema.USER, new PersonTrigger(null, false));
    }

    CampaignMemberTrigger memberTrigger() {
        return memberTrigger;
    }

    Store store() {
        return store;
    }

    Schema schema() {
        return store.schema();
    }

    OrgSettings settings() {
        return settings;
    }

    private Trigger trigger(ObjectDef def) {
        return triggers.getOrDefault(def.name(), new Trigger() { });
    }

    /** Creates a record from client-supplied values, returning the stored row. */
    public SRecord create(WriteContext ctx, ObjectDef type, Map<FieldDef, Object> input) {
        checkAccess(ctx, type, "inserted", type.createable());
        List<String> readOnly = new ArrayList<>();
        for (FieldDef f : input.keySet()) {
            if (!f.createable()) {
                readOnly.add(f.name());
            }
        }
        failOnReadOnly(readOnly);
        Map<String, Object> values = new HashMap<>();
        for (FieldDef f : type.fields()) {
            if (f.type() == FieldType.BOOLEAN) {
                values.put(f.name(), false);
            } else if (f.type() == FieldType.PICKLIST && f.defaultPicklistValue() != null) {
                values.put(f.name(), f.defaultPicklistValue());
            }
        }
        if (type.field("OwnerId") != null) {
            values.put("OwnerId", ctx.principal().userId());
        }
        for (Map.Entry<FieldDef, Object> e : input.entrySet()) {
            values.put(e.getKey().name(), checkValue(e.getKey(), e.getValue()));
        }
        List<String> missing = new ArrayList<>();
        for (FieldDef f : type.fields()) {
            if (f.requiredOnCreate() && values.get(f.name()) == null) {
                missing.add(f.name());
            }
        }
        if (!missing.isEmpty()) {
            throw ApiException.badRequest("REQUIRED_FIELD_MISSING",
                    "Required fields are missing: " + missing.toString(), missing);
        }
        for (Map.Entry<FieldDef, Object> e : input.entrySet()) {
            checkReference(e.getKey(), values.get(e.getKey().name()));
        }
        checkUnique(type, values, null);
        String id = ids.next(type.keyPrefix());
        values.put("Id", id);
        values.put("IsDeleted", false);
        stamp(values, ctx, true);
        trigger(type).beforeInsert(ctx, values);
        SRecord rec = new SRecord(type, values);
        store.table(type).put(ctx.tx(), rec);
        trigger(type).afterInsert(ctx, rec);
        return rec;
    }

    /** Updates the fields given; returns the stored row. */
    public SRecord update(WriteContext ctx, ObjectDef type, String id18, Map<FieldDef, Object> input) {
        checkAccess(ctx, type, "updated", type.updateable());
        SRecord old = live(type, id18);
        List<String> readOnly = new ArrayList<>();
        for (FieldDef f : input.keySet()) {
            if (!f.updateable()) {
                readOnly.add(f.name());
            }
        }
        failOnReadOnly(readOnly);
        Map<String, Object> changes = new HashMap<>();
        List<String> missing = new ArrayList<>();
        for (Map.Entry<FieldDef, Object> e : input.entrySet()) {
            FieldDef f = e.getKey();
            Object v = checkValue(f, e.getValue());
            if (v == null && f.type() == FieldType.BOOLEAN) {
                v = false;
            }
            if (v == null && !f.nillable()) {
                missing.add(f.name());
            }
            changes.put(f.name(), v);
        }
        if (!missing.isEmpty()) {
            throw ApiException.badRequest("REQUIRED_FIELD_MISSING",
                    "Required fields are missing: " + missing.toString(), missing);
        }
        for (Map.Entry<FieldDef, Object> e : input.entrySet()) {
            checkReference(e.getKey(), changes.get(e.getKey().name()));
        }
        Map<String, Object> merged = new HashMap<>(old.values());
        merged.putAll(changes);
        checkUnique(type, merged, old.id());
        stamp(changes, ctx, false);
        trigger(type).beforeUpdate(ctx, old, changes, merged);
        SRecord rec = old.with(changes);
        store.table(type).put(ctx.tx(), rec);
        trigger(type).afterUpdate(ctx, old, rec);
        return rec;
    }

    /** Soft-deletes a record (it stays visible to queryAll and getDeleted). */
    public void delete(WriteContext ctx, ObjectDef type, String id18) {
        SRecord rec = store.table(type).get(id18);
        if (rec == null) {
            throw new ApiException(404, "INVALID_CROSS_REFERENCE_KEY", "invalid cross reference id");
        }
        if (rec.isDeleted()) {
            throw new ApiException(404, "ENTITY_IS_DELETED", "entity is deleted", List.of());
        }
        if (!type.deletable() || (requiresMarketingUser(type) && !isMarketingUser(ctx.principal()))) {
            throw ApiException.badRequest("INSUFFICIENT_ACCESS_OR_READONLY", "insufficient access rights on object id",
                    List.of());
        }
        deleteRecord(ctx, rec, false);
    }

    /** Deletes a row and what cascades from it, bypassing user permissions (cascade and system use). */
    void deleteRecord(WriteContext ctx, SRecord rec, boolean cascade) {
        Trigger t = trigger(rec.type());
        t.beforeDelete(ctx, rec, cascade);
        Map<String, Object> changes = new HashMap<>();
        changes.put("IsDeleted", true);
        stamp(changes, ctx, false);
        SRecord deleted = rec.with(changes);
        store.table(rec.type()).put(ctx.tx(), deleted);
        t.afterDelete(ctx, deleted);
    }

    /** Writes a row computed by the org itself (roll-ups, default statuses), stamping it as a system change. */
    SRecord systemPut(WriteContext ctx, SRecord base, Map<String, Object> changes, boolean touchAudit) {
        Map<String, Object> c = new HashMap<>(changes);
        if (touchAudit) {
            stamp(c, ctx, false);
        } else {
            c.put("SystemModstamp", ctx.now());
        }
        SRecord rec = base.with(c);
        store.table(base.type()).put(ctx.tx(), rec);
        return rec;
    }

    /** Inserts a row the org creates on its own (e.g. a new campaign's default statuses). */
    SRecord systemInsert(WriteContext ctx, ObjectDef type, Map<String, Object> fields) {
        Map<String, Object> values = new HashMap<>();
        for (FieldDef f : type.fields()) {
            if (f.type() == FieldType.BOOLEAN) {
                values.put(f.name(), false);
            }
        }
        values.putAll(fields);
        values.put("Id", ids.next(type.keyPrefix()));
        stamp(values, ctx, true);
        SRecord rec = new SRecord(type, values);
        store.table(type).put(ctx.tx(), rec);
        return rec;
    }

    /** Outcome of an upsert: the row and whether it was created. */
    public record UpsertOutcome(SRecord record, boolean created) {
    }

    /** Upserts by an external-id field: inserts when no live row matches, updates the single match otherwise. */
    public UpsertOutcome upsert(WriteContext ctx, ObjectDef type, FieldDef key, Object keyValue,
                                Map<FieldDef, Object> input) {
        Set<String> matches = store.table(type).findByKey(key.name(), keyValue);
        if (matches.size() > 1) {
            throw new ApiException(300, "MULTIPLE_CHOICES", "more than one record found for external id field: "
                    + List.copyOf(matches), List.of(key.name()));
        }
        Object given = null;
        boolean hasKey = false;
        for (Map.Entry<FieldDef, Object> e : input.entrySet()) {
            if (e.getKey() == key) {
                hasKey = true;
                given = e.getValue();
            }
        }
        if (hasKey && given != null && !given.toString().equalsIgnoreCase(keyValue.toString())) {
            throw ApiException.badRequest("INVALID_FIELD", "The value of the external id field in the body ("
                    + given + ") does not match the one in the URL (" + keyValue + ")", List.of(key.name()));
        }
        if (matches.isEmpty()) {
            Map<FieldDef, Object> withKey = new LinkedHashMap<>(input);
            withKey.put(key, keyValue);
            return new UpsertOutcome(create(ctx, type, withKey), true);
        }
        Map<FieldDef, Object> withoutKey = new LinkedHashMap<>(input);
        withoutKey.remove(key);
        return new UpsertOutcome(update(ctx, type, matches.iterator().next(), withoutKey), false);
    }

    /** The live row, or the Salesforce error for a missing or deleted one. */
    SRecord live(ObjectDef type, String id18) {
        SRecord rec = store.table(type).get(id18);
        if (rec == null) {
            throw new ApiException(404, "INVALID_CROSS_REFERENCE_KEY", "invalid cross reference id");
        }
        if (rec.isDeleted()) {
            throw new ApiException(404, "ENTITY_IS_DELETED", "entity is deleted", List.of());
        }
        return rec;
    }

    private void checkAccess(WriteContext ctx, ObjectDef type, String verb, boolean allowed) {
        if (!allowed || (requiresMarketingUser(type) && !isMarketingUser(ctx.principal()))) {
            throw ApiException.badRequest("CANNOT_INSERT_UPDATE_ACTIVATE_ENTITY",
                    "entity type cannot be " + verb + ": " + type.label(), List.of());
        }
    }

    private boolean requiresMarketingUser(ObjectDef type) {
        return switch (type.name()) {
            case StandardSchema.CAMPAIGN, StandardSchema.CAMPAIGN_MEMBER_STATUS -> true;
            case StandardSchema.CAMPAIGN_MEMBER -> settings.campaignMemberRequiresMarketingUser();
            default -> false;
        };
    }

    /** Reads the running user's Marketing User flag at the moment of the write. */
    public boolean isMarketingUser(Principal p) {
        SRecord user = store.table(StandardSchema.USER).get(p.userId());
        return user != null && user.flag("UserPermissionsMarketingUser");
    }

    private static void failOnReadOnly(List<String> fields) {
        if (!fields.isEmpty()) {
            throw ApiException.badRequest("INVALID_FIELD_FOR_INSERT_UPDATE", "Unable to create/update fields: "
                    + String.join(", ", fields) + ". Please check the security settings of this field and verify"
                    + " that it is read/write for your profile or permission set.", fields);
        }
    }

    private Object checkValue(FieldDef f, Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof String s && f.type().kind() == FieldType.Kind.TEXT) {
            if (f.type().isIdValued()) {
                String id = Values.normalizeId(s);
                if (id == null) {
                    throw ApiException.badRequest("MALFORMED_ID",
                            f.idLabel() + " ID: id value of incorrect type: " + s, List.of(f.name()));
                }
                return id;
            }
            if (f.length() > 0 && s.length() > f.length()) {
                throw ApiException.badRequest("STRING_TOO_LONG", f.label() + ": data value too large: "
                        + abbreviate(s) + " (max length=" + f.length() + ")", List.of(f.name()));
            }
            if (f.type() == FieldType.PICKLIST && f.restrictedPicklist()
                    && f.picklistValues().stream().noneMatch(p -> p.value().equals(s))) {
                throw ApiException.badRequest("INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST",
                        f.label() + ": bad value for restricted picklist field: " + s, List.of(f.name()));
            }
            if (f.type() == FieldType.EMAIL && !s.isEmpty() && !s.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
                throw ApiException.badRequest("INVALID_EMAIL_ADDRESS", f.label() + ": invalid email address: " + s,
                        List.of(f.name()));
            }
        }
        return v;
    }

    private void checkReference(FieldDef f, Object v) {
        if (v == null || f.type() != FieldType.REFERENCE) {
            return;
        }
        String id = (String) v;
        ObjectDef target = schema().objectForId(id);
        if (target == null || !f.referenceTo().contains(target.name())) {
            throw ApiException.badRequest("FIELD_INTEGRITY_EXCEPTION",
                    f.idLabel() + " ID: id value of incorrect type: " + id, List.of(f.name()));
        }
        SRecord ref = store.table(target).get(id);
        if (ref == null || ref.isDeleted()) {
            throw ApiException.badRequest("INVALID_CROSS_REFERENCE_KEY", "invalid cross reference id",
                    List.of(f.name()));
        }
    }

    private void checkUnique(ObjectDef type, Map<String, Object> values, String selfId) {
        Table table = store.table(type);
        for (FieldDef f : type.fields()) {
            if (f.unique() && values.get(f.name()) != null) {
                for (String other : table.findByKey(f.name(), values.get(f.name()))) {
                    if (!other.equals(selfId)) {
                        throw ApiException.badRequest("DUPLICATE_VALUE", "duplicate value found: " + f.name()
                                + " duplicates value on record with id: " + other, List.of(f.name()));
                    }
                }
            }
        }
    }

    private static void stamp(Map<String, Object> values, WriteContext ctx, boolean created) {
        if (created) {
            values.put("CreatedDate", ctx.now());
            values.put("CreatedById", ctx.principal().userId());
        }
        values.put("LastModifiedDate", ctx.now());
        values.put("LastModifiedById", ctx.principal().userId());
        values.put("SystemModstamp", ctx.now());
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }
}
