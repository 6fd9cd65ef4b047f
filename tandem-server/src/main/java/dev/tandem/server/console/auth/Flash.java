package dev.tandem.server.console.auth;

/** A one-time message shown on the page after a redirect. */
public record Flash(Kind kind, String message) {

    /** How the message is styled. */
    public enum Kind { SUCCESS, ERROR }

    /** A success message. */
    public static Flash success(String message) {
        return new Flash(Kind.SUCCESS, message);
    }

    /** An error message. */
    public static Flash error(String message) {
        return new Flash(Kind.ERROR, message);
    }

    /** The CSS class suffix for this kind. */
    public String css() {
        return kind == Kind.SUCCESS ? "success" : "error";
    }
}
