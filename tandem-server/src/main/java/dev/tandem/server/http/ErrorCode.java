package dev.tandem.server.http;

/** Marketo's response-level and record-level error codes that Tandem's API produces, with their default messages. */
public enum ErrorCode {
    ACCESS_TOKEN_INVALID(601, "Access token invalid"),
    ACCESS_TOKEN_EXPIRED(602, "Access token expired"),
    REQUEST_TIME_OUT(604, "Request time-out"),
    METHOD_NOT_SUPPORTED(605, "HTTP Method not supported"),
    INVALID_JSON(609, "Invalid JSON"),
    RESOURCE_NOT_FOUND(610, "Requested resource not found"),
    SYSTEM_ERROR(611, "System error"),
    INVALID_CONTENT_TYPE(612, "Invalid Content Type"),
    CANNOT_BE_BLANK(701, "%s cannot be blank"),
    NO_DATA_FOUND(702, "No data found for given search scenario"),
    BUSINESS_RULE_VIOLATION(709, "Business rule violation"),
    PARENT_FOLDER_NOT_FOUND(710, "Parent folder not found"),
    INVALID_DATA(1003, "Invalid data"),
    LEAD_NOT_FOUND(1004, "Lead not found"),
    LEAD_ALREADY_EXISTS(1005, "Lead already exists"),
    FIELD_NOT_FOUND(1006, "Field not found"),
    MULTIPLE_LEADS_MATCH(1007, "Multiple leads match the lookup criteria"),
    OBJECT_NOT_FOUND(1013, "Object not found"),
    PROGRAM_STATUS_NOT_FOUND(1025, "Program status not found"),
    LEAD_SKIPPED(1037, "Lead skipped");

    private final int code;
    private final String defaultMessage;

    ErrorCode(int code, String defaultMessage) {
        this.code = code;
        this.defaultMessage = defaultMessage;
    }

    /** The numeric code as Marketo numbers it. */
    public int code() {
        return code;
    }

    /** The code as Marketo writes it on the wire: a string. */
    public String wire() {
        return Integer.toString(code);
    }

    /** The default message; for 701 it is a format taking the field name. */
    public String defaultMessage() {
        return defaultMessage;
    }

    /** An error of this code with its default message. */
    public ApiError error() {
        return new ApiError(wire(), defaultMessage);
    }

    /** An error of this code with a specific message. */
    public ApiError error(String message) {
        return new ApiError(wire(), message);
    }
}
