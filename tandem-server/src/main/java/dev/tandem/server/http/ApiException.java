package dev.tandem.server.http;

/** Rejects a whole request: the server answers with {@code success:false} and this error, and writes nothing. */
public final class ApiException extends RuntimeException {
    private final ApiError error;

    public ApiException(ErrorCode code, String message) {
        super(message);
        this.error = code.error(message);
    }

    public ApiException(ErrorCode code) {
        this(code, code.defaultMessage());
    }

    /** 701 naming the blank field. */
    public static ApiException blank(String field) {
        return new ApiException(ErrorCode.CANNOT_BE_BLANK, ErrorCode.CANNOT_BE_BLANK.defaultMessage().formatted(field));
    }

    /** 1003 with a message that names the field and the problem. */
    public static ApiException invalid(String field, String problem) {
        return new ApiException(ErrorCode.INVALID_DATA, "Invalid value for '" + field + "': " + problem);
    }

    /** The error as it appears in the envelope. */
    public ApiError error() {
        return error;
    }
}
