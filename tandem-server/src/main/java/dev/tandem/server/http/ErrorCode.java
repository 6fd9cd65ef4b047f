package dev.tandem.server.http;

/**
 * The Marketo error codes the HTTP layer itself produces, with their default messages. Record-level codes of the
 * domain (1004, 1005, 1007, 1025, 1037) arrive with their messages from the domain services.
 */
public enum ErrorCode {
    ACCESS_TOKEN_INVALID(601, "Access token invalid"),
    ACCESS_TOKEN_EXPIRED(602, "Access token expired"),
    METHOD_NOT_SUPPORTED(605, "HTTP Method not supported"),
    API_TEMPORARILY_UNAVAILABLE(608, "API Temporarily Unavailable"),
    INVALID_JSON(609, "Invalid JSON"),
    RESOURCE_NOT_FOUND(610, "Requested resource not found"),
    SYSTEM_ERROR(611, "System error"),
    INVALID_CONTENT_TYPE(612, "Invalid Content Type"),
    CANNOT_BE_BLANK(701, "%s cannot be blank"),
    NO_DATA_FOUND(702, "No data found for given search scenario"),
    BUSINESS_RULE_VIOLATION(709, "Business rule violation"),
    INVALID_DATA(1003, "Invalid data"),
    FIELD_NOT_FOUND(1006, "Field not found"),
    OBJECT_NOT_FOUND(1013, "Object not found");

    private final int code;
    private final String defaultMessage;

    ErrorCode(int code, String defaultMessage) {
        this.code = code;
        this.defaultMessage = defaultMessage;
    }

    /** The code as Marketo writes it on the wire: a string. */
    private String wire() {
        return Integer.toString(code);
    }

    /** The default message; for 701 it is a format taking the field name. */
    public String defaultMessage() {
        return defaultMessage;
    }

    /** An error of this code with a specific message. */
    public ApiError error(String message) {
        return new ApiError(wire(), message);
    }
}
