package dev.tandem.emulator.rest;

import dev.tandem.emulator.EmulatorConfig;
import dev.tandem.emulator.error.ApiException;
import dev.tandem.emulator.http.ApiRequest;
import dev.tandem.emulator.ids.SalesforceIds;
import dev.tandem.emulator.limits.ApiLimits;
import dev.tandem.emulator.org.Org;
import dev.tandem.emulator.org.WriteContext;
import dev.tandem.emulator.schema.ObjectDef;
import dev.tandem.emulator.soql.QueryEngine;
import dev.tandem.emulator.store.Tx;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/** What REST resources share: the org, query engine, cursors, limits, and the locking and id helpers. */
public final class Context {
    private final Org org;
    private final QueryEngine engine;
    private final QueryCursors cursors;
    private final ApiLimits limits;
    private final EmulatorConfig config;
    private final Supplier<String> baseUrl;

    public Context(Org org, QueryCursors cursors, ApiLimits limits, EmulatorConfig config, Supplier<String> baseUrl) {
        this.org = org;
        this.baseUrl = baseUrl;
        this.engine = new QueryEngine(org.store());
        this.cursors = cursors;
        this.limits = limits;
        this.config = config;
    }

    public Org org() { return org; }
    public QueryEngine engine() { return engine; }
    public QueryCursors cursors() { return cursors; }
    public ApiLimits limits() { return limits; }
    public EmulatorConfig config() { return config; }

    /** The emulator's base URL, e.g. http://127.0.0.1:8443. */
    public String baseUrl() {
        return baseUrl.get();
    }

    /** The object named in a URL, or 404 NOT_FOUND. */
    public ObjectDef object(String name) {
        ObjectDef def = org.schema().object(name);
        if (def == null) {
            throw ApiException.notFound();
        }
        return def;
    }

    /** A record id from a URL, checked for shape, checksum and object, or 400 MALFORMED_ID. */
    public static String recordId(ObjectDef type, String raw) {
        String id = SalesforceIds.normalize(raw);
        if (id == null || !id.startsWith(type.keyPrefix())) {
            throw ApiException.badRequest("MALFORMED_ID", type.label() + " ID: id value of incorrect type: " + raw,
                    List.of("Id"));
        }
        return id;
    }

    /** Runs a read under the shared lock. */
    public <T> T read(Supplier<T> body) {
        org.store().lock().readLock().lock();
        try {
            return body.get();
        } finally {
            org.store().lock().readLock().unlock();
        }
    }

    /**
     * Runs a write under the exclusive lock in its own unit of work (nested in the request's transaction when a
     * composite call provides one): all of it commits, or none of it does.
     */
    public <T> T write(ApiRequest req, Function<WriteContext, T> body) {
        org.store().lock().writeLock().lock();
        try {
            Tx tx = req.tx() != null ? req.tx().child() : Tx.root();
            try {
                T result = body.apply(org.context(req.principal(), tx));
                tx.commit();
                return result;
            } catch (RuntimeException e) {
                tx.rollback();
                throw e;
            }
        } finally {
            org.store().lock().writeLock().unlock();
        }
    }
}
