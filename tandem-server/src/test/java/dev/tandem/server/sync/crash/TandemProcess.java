package dev.tandem.server.sync.crash;

import static org.awaitility.Awaitility.await;

import dev.tandem.server.auth.NewApiClient;
import dev.tandem.server.cli.TandemCli;
import dev.tandem.server.http.ApiCaller;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real {@code tandem serve} (the CLI's main class) in a child JVM on the test's class path, configured by
 * environment variables only, as an operator would run it. It can be killed with a real SIGKILL and started again
 * over the same database under the same node name.
 */
final class TandemProcess implements AutoCloseable {

    private final Map<String, String> env;
    private final Path logDir;
    private final NewApiClient client;
    private Process process;
    private int port;
    private int starts;

    /**
     * @param env    the TANDEM_* variables (database, secret key, bootstrap API client, node name)
     * @param client the bootstrap API client the environment configures
     * @param logDir where each run's output goes (child-1.log, child-2.log, ...)
     */
    TandemProcess(Map<String, String> env, NewApiClient client, Path logDir) {
        this.env = Map.copyOf(env);
        this.client = client;
        this.logDir = logDir;
    }

    /** Starts the child on a free port and waits until /health answers. */
    void start() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("already running as pid " + process.pid());
        }
        port = freePort();
        starts++;
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx384m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-cp", classPath(), TandemCli.class.getName(), "serve"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(logDir.resolve("child-" + starts + ".log").toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("TANDEM_"));
        builder.environment().putAll(env);
        builder.environment().put("TANDEM_HTTP_PORT", String.valueOf(port));
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the child JVM", e);
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("child exited with " + process.exitValue() + "; see " + log());
            }
            try {
                return http.send(HttpRequest.newBuilder(baseUri().resolve("/health")).GET().build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
            } catch (IOException e) {
                return false;
            }
        });
    }

    /** Kills the child with SIGKILL ({@code kill -9 <pid>}: no shutdown hook, no graceful close) and waits for it. */
    void killNine() {
        if (process == null || !process.isAlive()) {
            return;
        }
        try {
            Process kill = new ProcessBuilder("kill", "-9", String.valueOf(process.pid())).inheritIO().start();
            if (kill.waitFor() != 0) {
                throw new IllegalStateException("kill -9 " + process.pid() + " failed");
            }
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("child " + process.pid() + " survived kill -9");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A fresh API caller for the running child (a token is fetched on first use). */
    ApiCaller api() {
        int current = port;
        return new ApiCaller(() -> URI.create("http://127.0.0.1:" + current), client);
    }

    /** How many times the child was started. */
    int starts() {
        return starts;
    }

    /** The current run's output file. */
    Path log() {
        return logDir.resolve("child-" + starts + ".log");
    }

    /** The tail of the current run's output, for a failure message. */
    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log());
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private URI baseUri() {
        return URI.create("http://127.0.0.1:" + port);
    }

    @Override
    public void close() {
        killNine();
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    // Surefire runs tests from a manifest-only jar; its property holds the real class path. Elsewhere (an IDE)
    // java.class.path is already the whole class path.
    private static String classPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
