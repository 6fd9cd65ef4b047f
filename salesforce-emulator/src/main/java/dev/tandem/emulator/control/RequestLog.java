package dev.tandem.emulator.control;

import dev.tandem.emulator.RecordedRequest;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** The most recent requests (bounded) and per-endpoint-family call counters. */
public final class RequestLog {
    private static final int CAPACITY = 20_000;

    private final Deque<RecordedRequest> recent = new ArrayDeque<>();
    private final Map<String, LongAdder> counters = new ConcurrentHashMap<>();

    public void record(RecordedRequest r, String family) {
        synchronized (recent) {
            recent.addLast(r);
            if (recent.size() > CAPACITY) {
                recent.removeFirst();
            }
        }
        counters.computeIfAbsent(family, k -> new LongAdder()).increment();
    }

    public List<RecordedRequest> requests() {
        synchronized (recent) {
            return new ArrayList<>(recent);
        }
    }

    public void clearRequests() {
        synchronized (recent) {
            recent.clear();
        }
    }

    public Map<String, Long> counters() {
        Map<String, Long> out = new TreeMap<>();
        counters.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    public void clear() {
        clearRequests();
        counters.clear();
    }

    /**
     * The endpoint family of a path: "query", "queryAll", "composite/sobjects", "composite", "sobjects",
     * "describe", "updated", "deleted", "limits", "bulk/ingest", "bulk/query", "oauth2/token", "identity", ...
     */
    public static String family(String path) {
        String[] p = path.replaceAll("^/+", "").split("/");
        if (p.length >= 1 && p[0].equals("id")) {
            return "identity";
        }
        if (p.length >= 2 && p[1].equals("oauth2")) {
            return "oauth2/" + (p.length > 2 ? p[2] : "");
        }
        if (p.length < 2 || !p[1].equals("data")) {
            return "other";
        }
        if (p.length == 2) {
            return "versions";
        }
        if (p.length == 3) {
            return "resources";
        }
        String head = p[3];
        switch (head) {
            case "sobjects":
                if (p.length == 4) {
                    return "describeGlobal";
                }
                if (p.length == 6 && (p[5].equals("describe") || p[5].equals("updated") || p[5].equals("deleted"))) {
                    return p[5];
                }
                return "sobjects";
            case "composite":
                return p.length > 4 && p[4].equals("sobjects") ? "composite/sobjects" : "composite";
            case "jobs":
                return p.length > 4 ? "bulk/" + p[4] : "bulk";
            default:
                return head;
        }
    }
}
