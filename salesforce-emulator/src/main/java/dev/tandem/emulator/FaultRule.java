package dev.tandem.emulator;

/**
 * A fault to inject into /services requests.
 *
 * @param errorCode Salesforce errorCode to answer with; null for a latency-only rule
 * @param httpStatus HTTP status of the error; 0 drops the connection instead of answering
 * @param method HTTP method to match, or null for any
 * @param pathRegex regex searched in the request path, or null for any /services path
 * @param afterN how many matching requests pass untouched before the rule fires
 * @param times how many times it fires; -1 for ever
 * @param latencyMs delay added to each request the rule fires on
 * @param message error message; null for Salesforce's usual text for the code
 */
public record FaultRule(String errorCode, int httpStatus, String method, String pathRegex, int afterN, int times,
                        long latencyMs, String message) {

    /** A rule that fails the next matching request once. */
    public static FaultRule once(String errorCode, int httpStatus, String method, String pathRegex) {
        return new FaultRule(errorCode, httpStatus, method, pathRegex, 0, 1, 0, null);
    }
}
