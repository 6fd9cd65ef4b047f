package dev.tandem.emulator.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.emulator.bulk.BulkResource;
import dev.tandem.emulator.error.ApiException;
import dev.tandem.emulator.http.ApiRequest;
import dev.tandem.emulator.http.ApiResponse;
import dev.tandem.emulator.http.Json;
import dev.tandem.emulator.schema.ObjectDef;
import dev.tandem.emulator.store.Tx;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Routes /services/data/vNN.N/... calls to their resources, for HTTP requests and composite subrequests alike. */
public final class RestApi {
    private final Context ctx;
    private final SObjectResource sobjects;
    private final QueryResource query;
    private final CollectionsResource collections;
    private final CompositeResource composite;
    private final ReplicationResource replication;
    private final BulkResource bulk;

    public RestApi(Context ctx, BulkResource bulk) {
        this.ctx = ctx;
        this.sobjects = new SObjectResource(ctx);
        this.query = new QueryResource(ctx);
        this.collections = new CollectionsResource(ctx);
        this.composite = new CompositeResource(ctx, this);
        this.replication = new ReplicationResource(ctx);
        this.bulk = bulk;
    }

    /** Handles one call; the segments are those after the version. */
    public ApiResponse dispatch(ApiRequest req) {
        List<String> s = req.segments();
        String m = req.method();
        if (s.isEmpty()) {
            allow(m, "GET");
            return ApiResponse.json(200, resources(req));
        }
        switch (s.get(0)) {
            case "sobjects":
                return sobjects(req, s, m);
            case "query":
            case "queryAll":
                allow(m, "GET");
                if (s.size() == 1) {
                    return query.query(req, s.get(0).equals("queryAll"));
                }
                if (s.size() == 2) {
                    return query.more(req, s.get(1));
                }
                throw ApiException.notFound();
            case "composite":
                return composite(req, s, m);
            case "limits":
                allow(m, "GET");
                if (s.size() != 1) {
                    throw ApiException.notFound();
                }
                return ApiResponse.json(200, limits());
            case "jobs":
                return bulk.handle(req);
            default:
                throw ApiException.notFound();
        }
    }

    private ApiResponse sobjects(ApiRequest req, List<String> s, String m) {
        if (s.size() == 1) {
            allow(m, "GET");
            return sobjects.describeGlobal(req);
        }
        ObjectDef type = ctx.object(s.get(1));
        if (s.size() == 2) {
            allow(m, "GET", "POST");
            return m.equals("GET") ? sobjects.basicInfo(req, type) : sobjects.create(req, type);
        }
        if (s.size() == 3) {
            switch (s.get(2)) {
                case "describe":
                    allow(m, "GET");
                    return sobjects.describe(req, type);
                case "updated":
                    allow(m, "GET");
                    return replication.updated(req, type);
                case "deleted":
                    allow(m, "GET");
                    return replication.deleted(req, type);
                default:
                    allow(m, "GET", "PATCH", "DELETE");
                    return switch (m) {
                        case "GET" -> sobjects.retrieve(req, type, s.get(2));
                        case "PATCH" -> sobjects.update(req, type, s.get(2));
                        default -> sobjects.delete(req, type, s.get(2));
                    };
            }
        }
        if (s.size() == 4) {
            allow(m, "GET", "PATCH", "DELETE");
            return switch (m) {
                case "GET" -> sobjects.retrieveByExternalId(req, type, s.get(2), s.get(3));
                case "PATCH" -> sobjects.upsert(req, type, s.get(2), s.get(3));
                default -> sobjects.deleteByExternalId(req, type, s.get(2), s.get(3));
            };
        }
        throw ApiException.notFound();
    }

    private ApiResponse composite(ApiRequest req, List<String> s, String m) {
        if (s.size() == 1) {
            allow(m, "POST");
            return composite.handle(req);
        }
        if (!s.get(1).equals("sobjects")) {
            throw ApiException.notFound();
        }
        if (s.size() == 2) {
            allow(m, "POST", "PATCH", "DELETE");
            return switch (m) {
                case "POST" -> collections.create(req);
                case "PATCH" -> collections.update(req);
                default -> collections.delete(req);
            };
        }
        ObjectDef type = ctx.object(s.get(2));
        if (s.size() == 3) {
            allow(m, "GET", "POST");
            return collections.retrieve(req, type);
        }
        if (s.size() == 4) {
            allow(m, "PATCH");
            return collections.upsert(req, type, s.get(3));
        }
        throw ApiException.notFound();
    }

    /** Rejects a method the resource does not offer with 405 METHOD_NOT_ALLOWED. */
    public static void allow(String method, String... allowed) {
        for (String a : allowed) {
            if (a.equals(method)) {
                return;
            }
        }
        throw new ApiException(405, "METHOD_NOT_ALLOWED", "HTTP Method '" + method + "' not allowed. Allowed are "
                + String.join(",", allowed));
    }

    private ObjectNode resources(ApiRequest req) {
        String base = "/services/data/" + req.version();
        ObjectNode n = Json.MAPPER.createObjectNode();
        for (String r : List.of("sobjects", "query", "queryAll", "composite", "limits", "jobs")) {
            n.put(r, base + "/" + r);
        }
        n.put("identity", ctx.baseUrl() + "/id/" + ctx.org().orgId() + "/" + req.principal().userId());
        return n;
    }

    private ObjectNode limits() {
        ObjectNode n = Json.MAPPER.createObjectNode();
        long max = ctx.limits().max();
        n.putObject("DailyApiRequests").put("Max", max).put("Remaining", Math.max(0, max - ctx.limits().used()));
        n.putObject("DailyBulkApiBatches").put("Max", 15000).put("Remaining", 15000);
        n.putObject("DailyBulkV2QueryJobs").put("Max", 10000).put("Remaining", 10000);
        n.putObject("DailyBulkV2QueryFileStorageMB").put("Max", 1048576).put("Remaining", 1048576);
        n.putObject("DailyStreamingApiEvents").put("Max", 10000).put("Remaining", 10000);
        n.putObject("DataStorageMB").put("Max", 5).put("Remaining", 5);
        n.putObject("FileStorageMB").put("Max", 20).put("Remaining", 20);
        return n;
    }

    /** Runs a composite subrequest given by URL, inside the composite's transaction when it has one. */
    ApiResponse dispatchUrl(ApiRequest parent, String method, String url, byte[] body, Tx tx) {
        int q = url.indexOf('?');
        String path = q < 0 ? url : url.substring(0, q);
        Map<String, List<String>> params = q < 0 ? Map.of() : parseQuery(url.substring(q + 1));
        String prefix = "/services/data/";
        if (!path.startsWith(prefix)) {
            throw ApiException.notFound();
        }
        List<String> parts = new ArrayList<>(Arrays.asList(path.substring(prefix.length()).split("/")));
        parts.removeIf(String::isEmpty);
        if (parts.isEmpty() || !ApiVersions.isServed(parts.get(0))) {
            throw ApiException.notFound();
        }
        String version = parts.remove(0);
        List<String> decoded = parts.stream().map(p -> URLDecoder.decode(p, StandardCharsets.UTF_8)).toList();
        return dispatch(new ApiRequest(method, version, decoded, params, parent.header(), body, parent.principal(),
                tx, parent.recordFault()));
    }

    /** Parses a query string, decoding "+" as a space the way form encoding does. */
    public static Map<String, List<String>> parseQuery(String qs) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (qs == null || qs.isEmpty()) {
            return out;
        }
        for (String pair : qs.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
        }
        return out;
    }
}
