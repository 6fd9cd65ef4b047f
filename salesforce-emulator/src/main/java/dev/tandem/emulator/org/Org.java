package dev.tandem.emulator.org;

import dev.tandem.emulator.ids.IdGenerator;
import dev.tandem.emulator.schema.ObjectDef;
import dev.tandem.emulator.schema.Schema;
import dev.tandem.emulator.schema.StandardSchema;
import dev.tandem.emulator.store.SRecord;
import dev.tandem.emulator.store.Store;
import dev.tandem.emulator.store.Tx;
import java.util.HashMap;
import java.util.Map;

/** The emulated org: schema, data, clock and the services that write data, plus its fixed org and user ids. */
public final class Org {
    /** Username of the seeded Marketing User the connected app runs as. */
    public static final String INTEGRATION_USERNAME = "integration@tandem.dev";
    /** Username of the seeded user without the Marketing User flag. */
    public static final String ANALYST_USERNAME = "analyst@tandem.dev";

    private final Schema schema;
    private final Store store;
    private final IdGenerator ids;
    private final EmulatorClock clock;
    private final RecordService records;
    private final LeadConversion conversion;
    private final String orgId = IdGenerator.forCounter("00D", 916_132_832L);
    private final String integrationUserId = IdGenerator.forCounter("005", 916_132_833L);
    private final String analystUserId = IdGenerator.forCounter("005", 916_132_834L);

    public Org(Schema schema, EmulatorClock clock, OrgSettings settings) {
        this.schema = schema;
        this.store = new Store(schema);
        this.ids = new IdGenerator(1_000_000_000L);
        this.clock = clock;
        this.records = new RecordService(store, ids, settings);
        this.conversion = new LeadConversion(records);
        seedBaseline();
    }

    public Schema schema() { return schema; }
    public Store store() { return store; }
    public EmulatorClock clock() { return clock; }
    public RecordService records() { return records; }
    public LeadConversion conversion() { return conversion; }
    public String orgId() { return orgId; }

    /** The org id's 15-character form, which prefixes access tokens. */
    public String orgId15() {
        return orgId.substring(0, 15);
    }

    public Principal integrationUser() {
        return new Principal(integrationUserId, INTEGRATION_USERNAME);
    }

    /** The user with this username (any case), or null. */
    public Principal userByName(String username) {
        if (username == null) {
            return null;
        }
        for (String id : store.table(StandardSchema.USER).findByKey("Username", username)) {
            SRecord u = store.table(StandardSchema.USER).get(id);
            return new Principal(u.id(), u.string("Username"));
        }
        return null;
    }

    public SRecord user(String userId) {
        return store.table(StandardSchema.USER).get(userId);
    }

    /** A write context for the given user at the current whole second. */
    public WriteContext context(Principal p, Tx tx) {
        return new WriteContext(p, tx, clock.nowSeconds());
    }

    /** Empties the org and restores the baseline: organization row and the two users. */
    public void reset() {
        store.lock().writeLock().lock();
        try {
            store.clear();
            ids.reset();
            seedBaseline();
        } finally {
            store.lock().writeLock().unlock();
        }
    }

    private void seedBaseline() {
        WriteContext ctx = context(integrationUser(), Tx.root());
        ObjectDef orgDef = schema.object(StandardSchema.ORGANIZATION);
        Map<String, Object> org = base(ctx);
        org.put("Id", orgId);
        org.put("Name", "Tandem Emulated Org");
        org.put("OrganizationType", "Developer Edition");
        org.put("InstanceName", "EMU1");
        org.put("IsSandbox", false);
        store.table(orgDef).put(ctx.tx(), new SRecord(orgDef, org));
        putUser(ctx, integrationUserId, INTEGRATION_USERNAME, "Integration", "User", "integ", true);
        putUser(ctx, analystUserId, ANALYST_USERNAME, "Ana", "Lyst", "analyst", false);
    }

    private void putUser(WriteContext ctx, String id, String username, String first, String last, String alias,
                         boolean marketing) {
        ObjectDef userDef = schema.object(StandardSchema.USER);
        Map<String, Object> u = base(ctx);
        u.put("Id", id);
        u.put("Username", username);
        u.put("FirstName", first);
        u.put("LastName", last);
        u.put("Name", first + " " + last);
        u.put("Email", username);
        u.put("Alias", alias);
        u.put("IsActive", true);
        u.put("UserPermissionsMarketingUser", marketing);
        store.table(userDef).put(ctx.tx(), new SRecord(userDef, u));
    }

    private Map<String, Object> base(WriteContext ctx) {
        Map<String, Object> m = new HashMap<>();
        m.put("IsDeleted", false);
        m.put("CreatedDate", ctx.now());
        m.put("CreatedById", integrationUserId);
        m.put("LastModifiedDate", ctx.now());
        m.put("LastModifiedById", integrationUserId);
        m.put("SystemModstamp", ctx.now());
        return m;
    }

    /** Sets a user's Marketing User flag as an admin would; returns false when no such user exists. */
    public boolean setMarketingUser(String username, boolean on) {
        store.lock().writeLock().lock();
        try {
            Principal p = userByName(username);
            if (p == null) {
                return false;
            }
            WriteContext ctx = context(integrationUser(), Tx.root());
            records.systemPut(ctx, user(p.userId()), Map.of("UserPermissionsMarketingUser", on), true);
            return true;
        } finally {
            store.lock().writeLock().unlock();
        }
    }
}
