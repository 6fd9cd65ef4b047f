package dev.tandem.server.http;

import dev.tandem.server.domain.DomainException;

/** Maps the domain's refusals to the Marketo errors a client sees: the domain's code, with Marketo's wording. */
public final class DomainRefusals {

    private DomainRefusals() {
    }

    /** The envelope error for a refusal. */
    public static ApiError error(DomainException e) {
        return switch (e.code()) {
            case "701" -> ErrorCode.CANNOT_BE_BLANK.error(e.getMessage().replace(": cannot be blank", " cannot be blank"));
            case "709" -> ErrorCode.BUSINESS_RULE_VIOLATION.error("Business rule violation: " + e.getMessage());
            case "1013" -> ErrorCode.OBJECT_NOT_FOUND.error("Object not found: " + e.getMessage());
            default -> ErrorCode.INVALID_DATA.error("Invalid data: " + e.getMessage());
        };
    }
}
