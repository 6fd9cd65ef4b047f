package dev.tandem.server.automation.api;

import dev.tandem.server.automation.AutomationException;
import dev.tandem.server.automation.validation.InvalidCampaignException;
import dev.tandem.server.automation.validation.RuleError;
import dev.tandem.server.domain.DomainException;
import dev.tandem.server.http.ApiError;
import dev.tandem.server.http.ApiException;
import dev.tandem.server.http.DomainRefusals;
import dev.tandem.server.http.Envelope;
import dev.tandem.server.http.ErrorCode;
import dev.tandem.server.http.Responses;
import io.javalin.http.Handler;

import java.util.List;

/**
 * Wraps this module's handlers so every refusal becomes a Marketo envelope: a document with problems answers
 * 1003 with one error per problem (path and message), domain refusals keep their codes. Anything else is a fault
 * and goes on to the server's 611 handler, which logs it.
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
                Responses.failure(ctx, DomainRefusals.error(e));
            } catch (ApiException e) {
                Responses.failure(ctx, e.error());
            }
        };
    }

    private static ApiError error(RuleError error) {
        return ErrorCode.INVALID_DATA.error(error.path() + ": " + error.message());
    }
}
