package dev.tandem.emulator.control;

import dev.tandem.emulator.FaultRule;
import dev.tandem.emulator.error.ApiException;
import dev.tandem.emulator.http.RecordFault;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * Armed fault rules and how often each has matched and fired. A request rule fails whole requests; a per-record
 * rule counts and fails single records of the writes it matches. Each rule draws from its own random source,
 * seeded when the rule names a seed, so a seeded run fails the same requests and records again.
 */
public final class FaultRules {
    /** What to do with a request a rule fired on. */
    public record Firing(FaultRule rule, String message) {
    }

    /** The request fault that fired (or null) and the record faults that apply to the request's records. */
    public record Match(Firing request, RecordFault records) {
    }

    private static final class Armed {
        final String id;
        final FaultRule rule;
        final Pattern path;
        final Random random;
        int matched;
        int fired;

        Armed(String id, FaultRule rule) {
            this.id = id;
            this.rule = rule;
            this.path = rule.pathRegex() == null ? null : Pattern.compile(rule.pathRegex());
            this.random = rule.seed() == null ? new Random() : new Random(rule.seed());
        }

        boolean matches(String method, String requestPath) {
            return (rule.method() == null || rule.method().equalsIgnoreCase(method))
                    && (path == null || path.matcher(requestPath).find());
        }

        /** Counts one match (a request, or a record) and says whether the rule fires on it. */
        boolean fires() {
            matched++;
            boolean due = matched > rule.afterN() && (rule.times() < 0 || fired < rule.times());
            // A draw only for due matches: what a seeded rule fails does not depend on the matches before afterN.
            if (due && (rule.probability() >= 1.0 || random.nextDouble() < rule.probability())) {
                fired++;
                return true;
            }
            return false;
        }

        String message() {
            return rule.message() != null ? rule.message() : defaultMessage(rule.errorCode());
        }
    }

    private final AtomicLong ids = new AtomicLong();
    private final Map<String, Armed> rules = new LinkedHashMap<>();

    /** Arms a rule and returns its id; an invalid regex is rejected with IllegalArgumentException. */
    public synchronized String add(FaultRule rule) {
        String id = "fault-" + ids.incrementAndGet();
        rules.put(id, new Armed(id, rule));
        return id;
    }

    public synchronized void clear() {
        rules.clear();
    }

    public synchronized boolean remove(String id) {
        return rules.remove(id) != null;
    }

    /** The rules with their counters, for the control plane's listing. */
    public synchronized List<Map<String, Object>> list() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Armed a : rules.values()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", a.id);
            m.put("rule", a.rule);
            m.put("matched", a.matched);
            m.put("fired", a.fired);
            out.add(m);
        }
        return out;
    }

    /**
     * The first request rule that fires for this request (counting a match on every request rule that matches),
     * and the per-record rules that match it, which decide record by record as the request's records are written.
     */
    public synchronized Match match(String method, String path) {
        Firing result = null;
        List<Armed> perRecord = new ArrayList<>();
        for (Armed a : rules.values()) {
            if (!a.matches(method, path)) {
                continue;
            }
            if (a.rule.perRecord()) {
                perRecord.add(a);
            } else if (result == null ? a.fires() : countOnly(a)) {
                result = new Firing(a.rule, a.message());
            }
        }
        return new Match(result, perRecord.isEmpty() ? RecordFault.NONE : () -> nextRecord(perRecord));
    }

    private static boolean countOnly(Armed a) {
        a.matched++;
        return false;
    }

    /** The first per-record rule that fires on this record, as the record's error; or null. */
    private synchronized ApiException nextRecord(List<Armed> perRecord) {
        ApiException error = null;
        for (Armed a : perRecord) {
            if (error == null ? a.fires() : countOnly(a)) {
                error = ApiException.badRequest(a.rule.errorCode(), a.message(), List.of());
            }
        }
        return error;
    }

    static String defaultMessage(String code) {
        if (code == null) {
            return null;
        }
        return switch (code) {
            case "UNABLE_TO_LOCK_ROW" -> "unable to obtain exclusive access to this record or 1 records: "
                    + "0015g00000AbCdEAAV";
            case "REQUEST_LIMIT_EXCEEDED" -> "TotalRequests Limit exceeded.";
            case "SERVER_UNAVAILABLE" -> "server too busy";
            case "INVALID_SESSION_ID" -> "Session expired or invalid";
            case "QUERY_TIMEOUT" -> "Your query request was running for too long.";
            case "UNKNOWN_EXCEPTION" -> "An unexpected error occurred. Please include this ErrorId if you contact"
                    + " support: 1234567-890 (-1234567)";
            default -> code;
        };
    }
}
