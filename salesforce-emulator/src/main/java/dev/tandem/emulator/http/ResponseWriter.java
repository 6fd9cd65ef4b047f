package dev.tandem.emulator.http;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;

/**
 * Writes an {@link ApiResponse} byte for byte. The Content-Type goes straight into Jetty's header fields because
 * Jetty's setContentType would lower-case the charset, and Salesforce sends exactly "application/json;charset=UTF-8".
 */
public final class ResponseWriter {
    private ResponseWriter() {
    }

    public static void write(Context ctx, ApiResponse r) {
        ctx.status(r.status());
        r.headers().forEach(ctx::header);
        Response base = Request.getBaseRequest(ctx.req()).getResponse();
        if (r.contentType() != null) {
            base.getHttpFields().put(HttpHeader.CONTENT_TYPE, r.contentType());
        }
        try {
            if (r.body().length > 0) {
                base.setContentLength(r.body().length);
                OutputStream out = ctx.res().getOutputStream();
                out.write(r.body());
                out.flush();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
