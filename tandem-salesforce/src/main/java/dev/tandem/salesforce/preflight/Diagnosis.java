package dev.tandem.salesforce.preflight;

/**
 * The outcome of one preflight check, phrased for the person who has to act on it.
 *
 * @param check   a stable name, e.g. {@code marketing-user}
 * @param fix     what to do when {@code ok} is false (empty when ok)
 */
public record Diagnosis(String check, boolean ok, String message, String fix) {

    static Diagnosis pass(String check, String message) {
        return new Diagnosis(check, true, message, "");
    }

    static Diagnosis fail(String check, String message, String fix) {
        return new Diagnosis(check, false, message, fix);
    }
}
