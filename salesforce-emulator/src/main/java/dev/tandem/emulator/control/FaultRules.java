package dev.tandem.emulator.control;

import dev.tandem.emulator.FaultRule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/** Armed fault rules and how often each has matched and fired. */
public final class FaultRules {
    /** What to do with a request a rule fired on. */
    public record Firing(FaultRule rule, String message) {
    }

    private static final class Armed {
        final String id;
        final FaultRule rule;
        final Pattern path;
        int matched;
        int fired;

        Armed(String id, FaultRule rule) {
            this.id = id;
            this.rule = rule;
            this.path = rule.pathRegex() == null ? null : Pattern.compile(rule.pathRegex());
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

    /** The first rule that fires for this request, counting matches on every rule that matches; or null. */
    public synchronized Firing match(String method, String path) {
        Firing result = null;
        for (Armed a : rules.values()) {
            if (a.rule.method() != null && !a.rule.method().equalsIgnoreCase(method)) {
                continue;
            }
            if (a.path != null && !a.path.matcher(path).find()) {
                continue;
            }
            a.matched++;
            boolean due = a.matched > a.rule.afterN() && (a.rule.times() < 0 || a.fired < a.rule.times());
            if (due && result == null) {
                a.fired++;
                result = new Firing(a.rule, a.rule.message() != null ? a.rule.message()
                        : defaultMessage(a.rule.errorCode()));
            }
        }
        return result;
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
