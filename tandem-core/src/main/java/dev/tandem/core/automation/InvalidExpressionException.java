package dev.tandem.core.automation;

/** An advanced filter expression that cannot be used, with the 0-based character position of the problem. */
public final class InvalidExpressionException extends IllegalArgumentException {

    private final int position;

    public InvalidExpressionException(String message, int position) {
        super(message + " (at character " + (position + 1) + ")");
        this.position = position;
    }

    /** 0-based index into the expression text where the problem was found. */
    public int position() {
        return position;
    }
}
