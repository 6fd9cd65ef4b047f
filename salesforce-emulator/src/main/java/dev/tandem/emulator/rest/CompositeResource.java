package dev.tandem.emulator.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.tandem.emulator.error.ApiException;
import dev.tandem.emulator.http.ApiRequest;
import dev.tandem.emulator.http.ApiResponse;
import dev.tandem.emulator.http.Json;
import dev.tandem.emulator.store.Tx;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** /composite: up to 25 subrequests, with @{ref.path} references and allOrNone rollback. */
final class CompositeResource {
    private static final int MAX_SUBREQUESTS = 25;
    private static final Pattern REFERENCE = Pattern.compile("@\\{([A-Za-z0-9_]+)((?:\\.[A-Za-z0-9_]+|\\[\\d+\\])*)}");
    private static final Pattern STEP = Pattern.compile("\\.([A-Za-z0-9_]+)|\\[(\\d+)]");
    private static final String HALTED = "The transaction was rolled back since another operation in the same"
            + " transaction failed.";

    private final Context ctx;
    private final RestApi api;

    CompositeResource(Context ctx, RestApi api) {
        this.ctx = ctx;
        this.api = api;
    }

    private record Sub(String method, String url, String referenceId, JsonNode body) {
    }

    ApiResponse handle(ApiRequest req) {
        ObjectNode body = Json.parseObject(req.body());
        JsonNode list = body.get("compositeRequest");
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw ApiException.badRequest("JSON_PARSER_ERROR", "compositeRequest must be a non-empty array");
        }
        if (list.size() > MAX_SUBREQUESTS) {
            throw ApiException.badRequest("LIMIT_EXCEEDED", "Maximum number of subrequests is " + MAX_SUBREQUESTS);
        }
        List<Sub> subs = new ArrayList<>();
        Set<String> refs = new HashSet<>();
        for (JsonNode s : list) {
            String method = s.path("method").asText(null);
            String url = s.path("url").asText(null);
            String ref = s.path("referenceId").asText(null);
            if (method == null || url == null || ref == null) {
                throw ApiException.badRequest("JSON_PARSER_ERROR",
                        "Each subrequest needs method, url and referenceId");
            }
            if (!refs.add(ref)) {
                throw ApiException.badRequest("DUPLICATE_VALUE", "Duplicate referenceId provided in the request: "
                        + ref);
            }
            subs.add(new Sub(method.toUpperCase(), url, ref, s.get("body")));
        }
        boolean allOrNone = body.path("allOrNone").asBoolean(false);
        ArrayNode responses = allOrNone ? runAtomically(req, subs) : runEach(req, subs, null);
        ObjectNode out = Json.MAPPER.createObjectNode();
        out.set("compositeResponse", responses);
        return ApiResponse.json(200, out);
    }

    private ArrayNode runAtomically(ApiRequest req, List<Sub> subs) {
        ctx.org().store().lock().writeLock().lock();
        try {
            Tx tx = Tx.root();
            ArrayNode responses = runEach(req, subs, tx);
            int failed = -1;
            for (int i = 0; i < responses.size(); i++) {
                if (responses.get(i).path("httpStatusCode").asInt() >= 400) {
                    failed = i;
                    break;
                }
            }
            if (failed < 0) {
                tx.commit();
                return responses;
            }
            tx.rollback();
            ArrayNode out = Json.MAPPER.createArrayNode();
            for (int i = 0; i < subs.size(); i++) {
                out.add(i == failed ? responses.get(i) : subResponse(subs.get(i).referenceId(),
                        ApiResponse.error(ApiException.badRequest("PROCESSING_HALTED", HALTED))));
            }
            return out;
        } finally {
            ctx.org().store().lock().writeLock().unlock();
        }
    }

    /** Runs subrequests in order; with a transaction, stops at the first failure. */
    private ArrayNode runEach(ApiRequest req, List<Sub> subs, Tx tx) {
        Map<String, JsonNode> results = new LinkedHashMap<>();
        ArrayNode responses = Json.MAPPER.createArrayNode();
        for (Sub s : subs) {
            ApiResponse r;
            try {
                String url = substitute(s.url(), results);
                JsonNode body = s.body() == null ? null : substituteTree(s.body(), results);
                ApiException injected = isSingleRecordWrite(s.method(), url) ? req.recordFault().next() : null;
                r = injected != null ? ApiResponse.error(injected)
                        : api.dispatchUrl(req, s.method(), url, body == null ? new byte[0] : Json.bytes(body), tx);
            } catch (ApiException e) {
                r = ApiResponse.error(e);
            }
            results.put(s.referenceId(), r.body().length == 0 ? null : r.jsonBody());
            responses.add(subResponse(s.referenceId(), r));
            if (tx != null && r.status() >= 400) {
                break;
            }
        }
        return responses;
    }

    /** A subrequest that writes one record (an sObject create, update, upsert or delete, not a collection). */
    private static boolean isSingleRecordWrite(String method, String url) {
        return !method.equals("GET") && url.contains("/sobjects/") && !url.contains("/composite/sobjects");
    }

    private static ObjectNode subResponse(String ref, ApiResponse r) {
        ObjectNode n = Json.MAPPER.createObjectNode();
        JsonNode body = r.body().length == 0 ? null : r.jsonBody();
        n.set("body", body);
        ObjectNode headers = n.putObject("httpHeaders");
        r.headers().forEach((k, v) -> {
            if (!k.equalsIgnoreCase("Sforce-Limit-Info")) {
                headers.put(k, v);
            }
        });
        n.put("httpStatusCode", r.status());
        n.put("referenceId", ref);
        return n;
    }

    private JsonNode substituteTree(JsonNode node, Map<String, JsonNode> results) {
        if (node.isTextual()) {
            return new TextNode(substitute(node.textValue(), results));
        }
        if (node.isObject()) {
            ObjectNode copy = Json.MAPPER.createObjectNode();
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                copy.set(e.getKey(), substituteTree(e.getValue(), results));
            }
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = Json.MAPPER.createArrayNode();
            node.forEach(n -> copy.add(substituteTree(n, results)));
            return copy;
        }
        return node;
    }

    private static String substitute(String text, Map<String, JsonNode> results) {
        Matcher m = REFERENCE.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String ref = m.group(1);
            JsonNode current = results.get(ref);
            Matcher step = STEP.matcher(m.group(2));
            while (current != null && step.find()) {
                current = step.group(1) != null ? current.get(step.group(1)) : current.get(Integer.parseInt(
                        step.group(2)));
            }
            if (current == null || current.isNull() || current.isContainerNode()) {
                throw ApiException.badRequest("PROCESSING_HALTED", "Invalid reference specified. No value for "
                        + ref + m.group(2) + " found in " + ref + ". Provided referenceId ('" + ref
                        + "') must be a previous subrequest's referenceId and the path must name a value.");
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(current.asText()));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
