package dev.tandem.server.http;

/** One entry of an envelope's {@code errors[]} or of a record's {@code reasons[]}: Marketo writes the code as a string. */
public record ApiError(String code, String message) {
}
