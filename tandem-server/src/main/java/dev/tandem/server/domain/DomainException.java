package dev.tandem.server.domain;

/**
 * A request the domain refuses as a whole, with a Marketo-style code and a message naming what to fix.
 * The REST layer maps {@link Kind} to its envelope; nothing was written when this is thrown.
 */
public final class DomainException extends RuntimeException {

    /** The broad class of refusal. */
    public enum Kind {
        /** The input breaks a rule about its shape or values (code 1003 or 701). */
        INVALID,
        /** A named program, person or channel does not exist (code 1013). */
        NOT_FOUND,
        /** The request clashes with stored state, e.g. a duplicate name (code 709). */
        CONFLICT
    }

    private final Kind kind;
    private final String code;

    private DomainException(Kind kind, String code, String message) {
        super(message);
        this.kind = kind;
        this.code = code;
    }

    /** Invalid input; the message starts with the field name. */
    public static DomainException invalid(String message) {
        return new DomainException(Kind.INVALID, "1003", message);
    }

    /** A required value is missing; the message starts with the field name. */
    public static DomainException blank(String field) {
        return new DomainException(Kind.INVALID, "701", field + ": cannot be blank");
    }

    /** The named object does not exist. */
    public static DomainException notFound(String message) {
        return new DomainException(Kind.NOT_FOUND, "1013", message);
    }

    /** The request conflicts with what is stored. */
    public static DomainException conflict(String message) {
        return new DomainException(Kind.CONFLICT, "709", message);
    }

    /** The class of refusal. */
    public Kind kind() {
        return kind;
    }

    /** The Marketo error code. */
    public String code() {
        return code;
    }
}
