package dev.tandem.server.http;

import io.javalin.http.Context;

import java.util.List;

/** Writes Marketo envelopes; each request gets one request id, set when the request enters the server. */
public final class Responses {
    static final String REQUEST_ID = "tandem.requestId";

    private Responses() {
    }

    /** This request's id. */
    public static String requestId(Context ctx) {
        String id = ctx.attribute(REQUEST_ID);
        if (id == null) {
            id = RequestIds.next();
            ctx.attribute(REQUEST_ID, id);
        }
        return id;
    }

    /** Answers {@code success:true} with {@code result}. */
    public static void ok(Context ctx, List<?> result) {
        ctx.json(Envelope.ok(requestId(ctx), result));
    }

    /** Answers one page of results. */
    public static void page(Context ctx, List<?> result, boolean moreResult, String nextPageToken) {
        ctx.json(Envelope.page(requestId(ctx), result, moreResult, nextPageToken));
    }

    /** Answers {@code success:false} with one error, always with HTTP 200 as Marketo does. */
    public static void failure(Context ctx, ApiError error) {
        ctx.status(200).json(Envelope.failure(requestId(ctx), error));
    }
}
