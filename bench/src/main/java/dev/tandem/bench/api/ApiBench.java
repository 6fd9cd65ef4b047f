package dev.tandem.bench.api;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.server.TandemApp;
import dev.tandem.server.auth.NewApiClient;
import dev.tandem.server.config.TandemConfig;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * REST API throughput over real HTTP: creates people through {@code POST /rest/v1/leads.json} and then program
 * memberships through {@code POST /rest/v1/programs/{id}/members/status.json}, 300 records a call, from a few
 * concurrent clients, on embedded H2 and on PostgreSQL. Server and clients share this JVM, so run it with a small
 * heap (e.g. -Xmx512m). Two heap figures are printed per phase: the peak heap in use (garbage included, so it
 * approaches -Xmx by design of the collector) and the peak live heap measured right after collections, which is
 * what shows that the server never holds the records it has written.
 *
 * <p>Arguments: {@code [count] [backends] [clients]}, e.g. {@code 100000 h2,postgresql 4} (the defaults).
 */
public final class ApiBench {
    private static final int BATCH = 300;
    private static final String PG_URL = "jdbc:postgresql://127.0.0.1:5432/test";
    private static final ObjectMapper JSON = new ObjectMapper();

    private ApiBench() {
    }

    public static void main(String[] args) throws Exception {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        String[] backends = (args.length > 1 ? args[1] : "h2,postgresql").split(",");
        int clients = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        System.out.printf(Locale.ROOT, "API bench: %,d people and %,d memberships over HTTP, %d records a call, "
                        + "%d concurrent clients, max heap %d MiB, %d CPUs%n",
                count, count, BATCH, clients, Runtime.getRuntime().maxMemory() >> 20,
                Runtime.getRuntime().availableProcessors());
        for (String backend : backends) {
            run(backend.trim(), count, clients);
        }
    }

    private static void run(String backend, int count, int clients) throws Exception {
        Backend db = Backend.create(backend);
        try {
            TandemConfig config = TandemConfig.defaults().withHttpPort(0).withDatabase(db.url(), db.user(), "");
            try (TandemApp app = TandemApp.builder(config).build().start(); HeapWatch heap = new HeapWatch()) {
                Http http = new Http(app.baseUri(), app.services().apiClients().create("bench"));

                long[] leadIds = new long[count];
                double peopleRate = phase(count, clients, batch -> {
                    StringBuilder input = new StringBuilder();
                    for (int i = batch * BATCH; i < Math.min(count, (batch + 1) * BATCH); i++) {
                        input.append(input.isEmpty() ? "" : ",").append("{\"email\":\"p").append(i)
                                .append("@bench.example.com\",\"lastName\":\"P").append(i).append("\",\"company\":\"Bench\"}");
                    }
                    JsonNode result = http.postJson("/rest/v1/leads.json", "{\"action\":\"createOnly\",\"input\":[" + input + "]}");
                    int i = batch * BATCH;
                    for (JsonNode record : result) {
                        require(record, "created");
                        leadIds[i++] = record.get("id").asLong();
                    }
                    return result.size();
                });
                String peopleHeap = heap.reportAndReset();

                long program = http.postForm("/rest/asset/v1/programs.json", "name=" + enc("Bench Webinar")
                        + "&folder=" + enc("{\"id\":1,\"type\":\"Folder\"}") + "&type=Event&channel=Webinar").get(0).get("id").asLong();
                double memberRate = phase(count, clients, batch -> {
                    StringBuilder input = new StringBuilder();
                    for (int i = batch * BATCH; i < Math.min(count, (batch + 1) * BATCH); i++) {
                        input.append(input.isEmpty() ? "" : ",").append("{\"leadId\":").append(leadIds[i]).append('}');
                    }
                    JsonNode result = http.postJson("/rest/v1/programs/" + program + "/members/status.json",
                            "{\"statusName\":\"Registered\",\"input\":[" + input + "]}");
                    result.forEach(record -> require(record, "created"));
                    return result.size();
                });
                String memberHeap = heap.reportAndReset();

                System.out.printf(Locale.ROOT, "%-10s people:      %,7.0f records/s  (%s)%n", backend, peopleRate, peopleHeap);
                System.out.printf(Locale.ROOT, "%-10s memberships: %,7.0f records/s  (%s)%n", backend, memberRate, memberHeap);
            }
        } finally {
            db.drop();
        }
    }

    /** Runs {@code ceil(count / 300)} calls from {@code clients} threads; returns records per second. */
    private static double phase(int count, int clients, IntFunction<Integer> call) throws Exception {
        int batches = (count + BATCH - 1) / BATCH;
        AtomicInteger next = new AtomicInteger();
        AtomicInteger written = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                workers.add(pool.submit(() -> {
                    for (int batch = next.getAndIncrement(); batch < batches; batch = next.getAndIncrement()) {
                        written.addAndGet(call.apply(batch));
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (written.get() != count) {
            throw new IllegalStateException("wrote " + written.get() + " records, expected " + count);
        }
        return count / seconds;
    }

    private static void require(JsonNode record, String status) {
        if (!status.equals(record.path("status").asText())) {
            throw new IllegalStateException("unexpected record result " + record);
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Samples heap pools: peak in use, and peak live (what remained after the latest collection of each pool). */
    private static final class HeapWatch implements AutoCloseable {
        private final List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        private final ScheduledExecutorService sampler =
                Executors.newSingleThreadScheduledExecutor(r -> {
                    Thread t = new Thread(r, "heap-watch");
                    t.setDaemon(true);
                    return t;
                });
        private volatile long peakLive;

        HeapWatch() {
            reset();
            sampler.scheduleAtFixedRate(this::sample, 0, 50, TimeUnit.MILLISECONDS);
        }

        private void sample() {
            long live = pools.stream().map(MemoryPoolMXBean::getCollectionUsage)
                    .filter(Objects::nonNull).mapToLong(MemoryUsage::getUsed).sum();
            peakLive = Math.max(peakLive, live);
        }

        private void reset() {
            System.gc();
            pools.forEach(MemoryPoolMXBean::resetPeakUsage);
            peakLive = 0;
        }

        String reportAndReset() {
            sample();
            long peakUsed = pools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
            String report = String.format(Locale.ROOT, "peak heap in use %d MiB, peak live after GC %d MiB",
                    peakUsed >> 20, peakLive >> 20);
            reset();
            return report;
        }

        @Override
        public void close() {
            sampler.shutdownNow();
        }
    }

    /** A bench client: one token, JSON in and out, failing loudly on any refused request. */
    private record Http(URI base, HttpClient client, String token) {
        Http(URI base, NewApiClient apiClient) {
            this(base, HttpClient.newHttpClient(), token(base, apiClient));
        }

        private static String token(URI base, NewApiClient apiClient) {
            try {
                HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(base.resolve(
                        "/identity/oauth/token?grant_type=client_credentials&client_id=" + enc(apiClient.clientId())
                                + "&client_secret=" + enc(apiClient.clientSecret()))).build(), HttpResponse.BodyHandlers.ofString());
                return JSON.readTree(response.body()).get("access_token").asText();
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException("cannot obtain a token", e);
            }
        }

        JsonNode postJson(String path, String body) {
            return send(path, "application/json", body);
        }

        JsonNode postForm(String path, String body) {
            return send(path, "application/x-www-form-urlencoded", body);
        }

        private JsonNode send(String path, String contentType, String body) {
            try {
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(base.resolve(path))
                        .header("Authorization", "Bearer " + token).header("Content-Type", contentType)
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                JsonNode envelope = JSON.readTree(response.body());
                if (!envelope.path("success").asBoolean()) {
                    throw new IllegalStateException(path + " refused: " + envelope.path("errors"));
                }
                return envelope.get("result");
            } catch (IOException e) {
                throw new IllegalStateException(path + " failed", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** A fresh database for one run: an H2 file in a temporary directory, or a new PostgreSQL schema. */
    private record Backend(String name, String url, String user, String schema, Path dir) {
        static Backend create(String name) throws IOException, SQLException {
            if (name.equals("h2")) {
                Path dir = Files.createTempDirectory("tandem-api-bench");
                return new Backend(name, "jdbc:h2:file:" + dir.resolve("tandem")
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH", "sa", null, dir);
            }
            if (name.equals("postgresql")) {
                String schema = "api_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
                execute("CREATE SCHEMA " + schema);
                return new Backend(name, PG_URL + "?currentSchema=" + schema, "postgres", schema, null);
            }
            throw new IllegalArgumentException("backend: '" + name + "' is not h2 or postgresql");
        }

        void drop() throws IOException, SQLException {
            if (schema != null) {
                execute("DROP SCHEMA " + schema + " CASCADE");
            }
            if (dir != null) {
                try (var files = Files.walk(dir)) {
                    for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(path);
                    }
                }
            }
        }

        private static void execute(String sql) throws SQLException {
            try (Connection c = DriverManager.getConnection(PG_URL, "postgres", ""); var s = c.createStatement()) {
                s.execute(sql);
            }
        }
    }
}
