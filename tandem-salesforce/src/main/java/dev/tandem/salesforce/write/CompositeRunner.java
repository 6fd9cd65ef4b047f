package dev.tandem.salesforce.write;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.salesforce.error.ApiError;
import dev.tandem.salesforce.http.ApiCall;
import dev.tandem.salesforce.http.ErrorBodies;
import dev.tandem.salesforce.http.Json;
import dev.tandem.salesforce.http.Transport;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Sends small groups of subrequests as one {@code /composite} call (one API call, optionally atomic). */
public final class CompositeRunner {
    /** Salesforce's limit of subrequests per composite request. */
    public static final int MAX_SUBREQUESTS = 25;
    private final Transport transport;
    private final String dataPath;

    public CompositeRunner(Transport transport, String dataPath) {
        this.transport = transport;
        this.dataPath = dataPath;
    }

    public CompositeResult run(List<CompositeRequest> requests, boolean allOrNone) {
        if (requests == null || requests.isEmpty() || requests.size() > MAX_SUBREQUESTS) {
            throw new IllegalArgumentException("composite needs 1.." + MAX_SUBREQUESTS + " subrequests, got "
                    + (requests == null ? 0 : requests.size()));
        }
        Set<String> refs = new HashSet<>();
        List<Map<String, Object>> subs = new ArrayList<>();
        for (CompositeRequest r : requests) {
            if (!refs.add(r.referenceId())) {
                throw new IllegalArgumentException("composite referenceId " + r.referenceId() + " is used twice");
            }
            Map<String, Object> sub = new LinkedHashMap<>();
            sub.put("method", r.method());
            sub.put("url", dataPath + "/" + r.path());
            sub.put("referenceId", r.referenceId());
            if (r.body() != null) {
                Map<String, Object> body = new LinkedHashMap<>();
                r.body().forEach((k, v) -> body.put(k, RecordValues.convert(v)));
                sub.put("body", body);
            }
            subs.add(sub);
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("allOrNone", allOrNone);
        payload.put("compositeRequest", subs);
        ApiCall call = ApiCall.json("POST", "composite", dataPath + "/composite", payload);
        if (requests.stream().allMatch(r -> r.method().equals("GET"))) {
            call = call.replayable();
        }
        JsonNode body = transport.send(call).json();
        JsonNode list = body.path("compositeResponse");
        if (!list.isArray() || list.size() != requests.size()) {
            throw Json.unexpected("composite", "expected " + requests.size() + " sub-responses");
        }
        List<CompositeResult.SubResponse> out = new ArrayList<>();
        for (JsonNode n : list) {
            int status = n.path("httpStatusCode").asInt();
            JsonNode subBody = n.hasNonNull("body") ? n.get("body") : null;
            List<ApiError> errors = status >= 300 ? ErrorBodies.parse(status,
                    subBody == null ? new byte[0] : Json.write(subBody)) : List.of();
            out.add(new CompositeResult.SubResponse(n.path("referenceId").asText(), status, subBody, errors));
        }
        return new CompositeResult(out);
    }
}
