package dev.tandem.emulator;

/**
 * A fault to inject into /services requests: a whole request failing (or dropped, or delayed), or, with
 * {@code perRecord}, single records of a write failing with a record-level error while the others succeed.
 *
 * @param errorCode Salesforce errorCode (request) or statusCode (record) to answer with; null for latency only
 * @param httpStatus HTTP status of a request error; 0 drops the connection instead of answering; unused per record
 * @param method HTTP method to match, or null for any
 * @param pathRegex regex searched in the request path, or null for any /services path
 * @param afterN how many matching requests (records, per record) pass untouched before the rule may fire
 * @param times how many times it fires (requests, or records per record); -1 for ever
 * @param latencyMs delay added to each request the rule fires on; not allowed per record
 * @param message error message; null for Salesforce's usual text for the code
 * @param probability chance, in (0, 1], that a due request (or record) is failed; 1 fails every one
 * @param seed seed of the rule's draws so that a run can be repeated; null draws from a random seed
 * @param perRecord fail records of sObject Collections writes and composite write subrequests instead of whole
 *                  requests: each failed record gets {@code success=false} with
 *                  {@code errors[{statusCode,message,fields}]} (a composite subrequest answers 400 with the error)
 */
public record FaultRule(String errorCode, int httpStatus, String method, String pathRegex, int afterN, int times,
                        long latencyMs, String message, double probability, Long seed, boolean perRecord) {

    /** A request fault that fires on every due request. */
    public FaultRule(String errorCode, int httpStatus, String method, String pathRegex, int afterN, int times,
                     long latencyMs, String message) {
        this(errorCode, httpStatus, method, pathRegex, afterN, times, latencyMs, message, 1.0, null, false);
    }

    /** A rule that fails the next matching request once. */
    public static FaultRule once(String errorCode, int httpStatus, String method, String pathRegex) {
        return new FaultRule(errorCode, httpStatus, method, pathRegex, 0, 1, 0, null);
    }

    /** A rule that fails each matching request with the given probability, for ever, drawing from {@code seed}. */
    public static FaultRule randomly(String errorCode, int httpStatus, String method, String pathRegex,
                                     double probability, long seed) {
        return new FaultRule(errorCode, httpStatus, method, pathRegex, 0, -1, 0, null, probability, seed, false);
    }

    /**
     * A rule that fails each record of matching writes with the given probability and record-level
     * {@code statusCode} (e.g. UNABLE_TO_LOCK_ROW), for ever, drawing from {@code seed}.
     */
    public static FaultRule perRecord(String statusCode, String method, String pathRegex, double probability,
                                      long seed) {
        return new FaultRule(statusCode, 200, method, pathRegex, 0, -1, 0, null, probability, seed, true);
    }
}
