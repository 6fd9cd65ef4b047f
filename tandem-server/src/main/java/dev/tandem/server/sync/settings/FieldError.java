package dev.tandem.server.sync.settings;

/**
 * One problem with one input field, with the Marketo error code it maps to (701 for a blank required value,
 * 1003 for an invalid one).
 */
public record FieldError(String code, String field, String problem) {

    /** Marketo's "cannot be blank" code. */
    public static final String BLANK = "701";
    /** Marketo's "invalid data" code. */
    public static final String INVALID = "1003";

    /** A required field is missing or blank. */
    public static FieldError blank(String field) {
        return new FieldError(BLANK, field, "cannot be blank");
    }

    /** A field has a value that is not acceptable. */
    public static FieldError invalid(String field, String problem) {
        return new FieldError(INVALID, field, problem);
    }

    /** The message a user sees: the field, then the problem. */
    public String message() {
        return field + " " + problem;
    }
}
