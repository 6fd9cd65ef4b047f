package dev.tandem.emulator.store;

import dev.tandem.emulator.schema.ObjectDef;
import dev.tandem.emulator.schema.Schema;
import dev.tandem.emulator.schema.StandardSchema;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/** The org's data: one {@link Table} per object, the campaign indexes, and the lock that serialises writers. */
public final class Store {
    private final Schema schema;
    private final Map<String, Table> tables = new LinkedHashMap<>();
    private final CampaignMemberIndex members = new CampaignMemberIndex();
    private final MemberStatusIndex statuses = new MemberStatusIndex();
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

    public Store(Schema schema) {
        this.schema = schema;
        for (ObjectDef o : schema.objects()) {
            tables.put(o.name(), new Table(o));
        }
        tables.get(StandardSchema.CAMPAIGN_MEMBER).addIndex(members);
        tables.get(StandardSchema.CAMPAIGN_MEMBER_STATUS).addIndex(statuses);
    }

    public Schema schema() {
        return schema;
    }

    public Table table(ObjectDef def) {
        return tables.get(def.name());
    }

    public Table table(String describeName) {
        return tables.get(describeName);
    }

    /** The live or deleted record with this canonical id, from whichever table its prefix names. */
    public SRecord find(String id18) {
        ObjectDef def = schema.objectForId(id18);
        return def == null ? null : table(def).get(id18);
    }

    public CampaignMemberIndex members() {
        return members;
    }

    public MemberStatusIndex statuses() {
        return statuses;
    }

    public ReentrantReadWriteLock lock() {
        return lock;
    }

    public void clear() {
        tables.values().forEach(Table::clear);
    }
}
