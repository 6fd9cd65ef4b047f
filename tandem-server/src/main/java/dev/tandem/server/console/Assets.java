package dev.tandem.server.console;

import io.javalin.Javalin;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/** The console's static files (one stylesheet, one small script), served from the classpath. */
final class Assets {
    private static final Map<String, String> FILES = Map.of(
            "console.css", "text/css; charset=utf-8",
            "console.js", "text/javascript; charset=utf-8");

    private Assets() {
    }

    static void install(Javalin app) {
        FILES.forEach((file, type) -> {
            byte[] body = read(file);
            // Public on purpose: the sign-in page needs the stylesheet; these files hold no data.
            app.get("/console/assets/" + file, ctx -> ctx.contentType(type)
                    .header("Cache-Control", "public, max-age=300")
                    .result(body));
        });
    }

    private static byte[] read(String file) {
        try (InputStream in = Assets.class.getResourceAsStream("/console/" + file)) {
            if (in == null) {
                throw new IllegalStateException("console asset missing from the classpath: " + file);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
