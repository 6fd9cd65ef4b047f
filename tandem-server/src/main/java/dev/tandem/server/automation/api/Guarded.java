package dev.tandem.server.automation.api;

import dev.tandem.server.automation.AutomationException;
import dev.tandem.server.automation.validation.InvalidCampaignException;
import dev.tandem.server.automation.validation.RuleError;
import dev.tandem.server.domain.DomainException;
import dev.tandem.server.http.ApiError;
import dev.tandem.server.http.ApiException;
import dev.tandem.server.http.Envelope;
import dev.tandem.server.http.ErrorCode;
import dev.tandem.server.http.Responses;
import io.javalin.http.Handler;

import java.util.List;

/**
 * Wraps this module's handlers so every refusal becomes a Marketo envelope: a document with problems answers
 * 1003 with one error per problem (path and message), domain refusals keep their codes.
 */
final class Guarded {

    private Guarded() {
    }

    /** The handler with refusals mapped to envelopes. */
    static Handler guard(Handler handler) {
        return ctx -> {
            try {
                handler.handle(ctx);
            } catch (InvalidCampaignException e) {
                List<ApiError> errors = e.errors().stream().map(Guarded::error).toList();
                ctx.status(200).json(new Envelope(Responses.requestId(ctx), false, errors, List.of(), null, null,
                        null));
            } catch (AutomationException e) {
                Responses.failure(ctx, new ApiError(e.code(), e.getMessage()));
            } catch (DomainException e) {
                Responses.failure(ctx, domain(e));
            } catch (IllegalArgumentException e) {
                Responses.failure(ctx, ErrorCode.INVALID_DATA.error("Invalid data: " + e.getMessage()));
            } catch (ApiException e) {
                Responses.failure(ctx, e.error());
            }
        };
    }

    private static ApiError error(RuleError error) {
        return ErrorCode.INVALID_DATA.error(error.path() + ": " + error.message());
    }

    private static ApiError domain(DomainException e) {
        return switch (e.code()) {
            case "701" -> ErrorCode.CANNOT_BE_BLANK.error(e.getMessage().replace(": cannot be blank", " cannot be blank"));
            case "709" -> ErrorCode.BUSINESS_RULE_VIOLATION.error("Business rule violation: " + e.getMessage());
            case "1013" -> ErrorCode.OBJECT_NOT_FOUND.error("Object not found: " + e.getMessage());
            default -> ErrorCode.INVALID_DATA.error("Invalid data: " + e.getMessage());
        };
    }
}
