package dev.tandem.emulator.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.emulator.error.ApiException;
import dev.tandem.emulator.http.ApiRequest;
import dev.tandem.emulator.http.ApiResponse;
import dev.tandem.emulator.http.Json;
import dev.tandem.emulator.soql.Ast;
import dev.tandem.emulator.soql.Parser;
import dev.tandem.emulator.store.SRecord;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** /query and /queryAll, with cursor paging through nextRecordsUrl. */
final class QueryResource {
    private static final int DEFAULT_BATCH = 2000;
    private static final int MIN_BATCH = 200;
    private static final Pattern BATCH_SIZE = Pattern.compile("batchSize\\s*=\\s*(\\d+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern LOCATOR = Pattern.compile("([0-9A-Za-z]{18})-(\\d+)");

    private final Context ctx;

    QueryResource(Context ctx) {
        this.ctx = ctx;
    }

    /** Parses SOQL against the org's schema with "today" from the org clock. */
    Ast.Query parse(String soql) {
        return Parser.parse(soql, ctx.org().schema(), LocalDate.ofInstant(ctx.org().clock().now(), ZoneOffset.UTC));
    }

    ApiResponse query(ApiRequest req, boolean includeDeleted) {
        String soql = req.param("q");
        if (soql == null) {
            throw ApiException.malformedQuery("A query string (parameter q) is required");
        }
        Ast.Query q = parse(soql);
        int pageSize = pageSize(req);
        return ctx.read(() -> {
            List<SRecord> rows = ctx.engine().select(q, includeDeleted);
            ObjectNode out = Json.MAPPER.createObjectNode();
            if (q.countOnly()) {
                out.put("totalSize", rows.size());
                out.put("done", true);
                out.putArray("records");
                return ApiResponse.json(200, out);
            }
            if (q.isAggregate()) {
                out.put("totalSize", 1);
                out.put("done", true);
                out.putArray("records").add(ctx.engine().aggregateRow(q, rows));
                return ApiResponse.json(200, out);
            }
            List<String> ids = new ArrayList<>(rows.size());
            rows.forEach(r -> ids.add(r.id()));
            String cursor = ids.size() > pageSize ? ctx.cursors().open(new QueryCursors.Cursor(q, ids, includeDeleted,
                    ctx.org().clock().now())) : null;
            return ApiResponse.json(200, page(req, q, ids, 0, pageSize, cursor, includeDeleted));
        });
    }

    ApiResponse more(ApiRequest req, String locator) {
        Matcher m = LOCATOR.matcher(locator);
        QueryCursors.Cursor c = m.matches() ? ctx.cursors().get(m.group(1), ctx.org().clock().now()) : null;
        if (c == null) {
            throw ApiException.badRequest("INVALID_QUERY_LOCATOR", "invalid query locator");
        }
        int offset;
        try {
            offset = Integer.parseInt(m.group(2));
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("INVALID_QUERY_LOCATOR", "invalid query locator");
        }
        if (offset >= c.ids().size()) {
            throw ApiException.badRequest("INVALID_QUERY_LOCATOR", "invalid query locator");
        }
        int pageSize = pageSize(req);
        return ctx.read(() -> ApiResponse.json(200, page(req, c.query(), c.ids(), offset, pageSize, m.group(1),
                c.includeDeleted())));
    }

    private ObjectNode page(ApiRequest req, Ast.Query q, List<String> ids, int offset, int pageSize, String cursor,
                            boolean includeDeleted) {
        int end = Math.min(ids.size(), offset + pageSize);
        ObjectNode out = Json.MAPPER.createObjectNode();
        out.put("totalSize", ids.size());
        out.put("done", end >= ids.size());
        if (end < ids.size()) {
            out.put("nextRecordsUrl", "/services/data/" + req.version() + "/query/" + cursor + "-" + end);
        }
        ArrayNode records = out.putArray("records");
        for (int i = offset; i < end; i++) {
            SRecord r = ctx.org().store().find(ids.get(i));
            if (r != null) {
                records.add(ctx.engine().render(r, q, req.version(), includeDeleted));
            }
        }
        return out;
    }

    /** The page size from Sforce-Query-Options (clamped to 200..2000), then capped by configuration. */
    private int pageSize(ApiRequest req) {
        int size = DEFAULT_BATCH;
        String opts = req.header().apply("Sforce-Query-Options");
        if (opts != null) {
            Matcher m = BATCH_SIZE.matcher(opts);
            if (m.find()) {
                try {
                    size = Math.max(MIN_BATCH, Math.min(DEFAULT_BATCH, Integer.parseInt(m.group(1))));
                } catch (NumberFormatException e) {
                    size = DEFAULT_BATCH;
                }
            }
        }
        int cap = ctx.config().queryPageSizeCap();
        return cap > 0 ? Math.min(size, cap) : size;
    }
}
