package dev.tandem.bench.sync;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.core.membership.ChangeSource;
import dev.tandem.core.person.PersonFields;
import com.sun.management.GarbageCollectionNotificationInfo;
import dev.tandem.emulator.EmulatorControl;
import dev.tandem.salesforce.SalesforceClient;
import dev.tandem.salesforce.SalesforceConfig;
import dev.tandem.salesforce.query.Cond;
import dev.tandem.salesforce.query.Soql;
import dev.tandem.salesforce.write.WriteOperation;
import dev.tandem.server.TandemApp;
import dev.tandem.server.auth.NewApiClient;
import dev.tandem.server.config.TandemConfig;
import dev.tandem.server.domain.membership.ChangeContext;
import dev.tandem.server.domain.people.LookupField;
import dev.tandem.server.domain.people.PersonInput;
import dev.tandem.server.domain.people.PersonResult;
import dev.tandem.server.domain.people.SyncAction;
import dev.tandem.server.sync.cycle.CampaignSyncModule;
import dev.tandem.server.sync.runs.RunReport;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import org.slf4j.LoggerFactory;

/**
 * Figures of the campaign sync against the Salesforce emulator over HTTP, with Tandem on embedded H2: API calls
 * per pushed change, per pulled change and per idle poll (counted by the emulator), push throughput, Salesforce →
 * Tandem latency with a 1 s poll interval, and the initial link of a large program (time and peak heap).
 *
 * <p>The emulator runs in a JVM of its own (a child process on this classpath, {@code -Xmx2g}), so the heap figures
 * are those of Tandem (and this benchmark's small driver) alone.
 *
 * <p>Arguments: {@code [pushSizes] [pullSize] [linkSize]}, e.g. {@code 200,1000,5000 5000 100000} (the
 * defaults); a size of 0 leaves that part out ({@code 0 0 100000}: the initial link alone). Run with
 * {@code -Xmx512m} to check the heap bound.
 */
public final class SyncBench {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int BATCH = 300;

    private final Process emulatorProcess;
    private final EmulatorControl emulator;
    private final SalesforceClient salesforce;
    private final TandemApp app;
    private final HttpClient http = HttpClient.newHttpClient();
    private final String token;
    private int people;

    private SyncBench(Path dir) throws Exception {
        emulatorProcess = startEmulator();
        String emulatorUrl = emulatorUrl(emulatorProcess);
        emulator = new EmulatorControl(emulatorUrl);
        emulator.setApiUsage(0, 10_000_000);
        salesforce = SalesforceClient.connect(SalesforceConfig.builder(emulatorUrl)
                .password("tandem-client-id", "tandem-client-secret", "integration@tandem.dev", "tandem-password")
                .build());
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        TandemConfig config = new TandemConfig(0, "jdbc:h2:file:" + dir.resolve("tandem")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH", "sa", "",
                Optional.of(Base64.getEncoder().encodeToString(key)), Optional.empty(), 3600);
        app = TandemApp.builder(config).build().start();
        NewApiClient client = app.services().apiClients().create("bench");
        token = JSON.readTree(http.send(HttpRequest.newBuilder(app.baseUri().resolve(
                "/identity/oauth/token?grant_type=client_credentials&client_id=" + enc(client.clientId())
                        + "&client_secret=" + enc(client.clientSecret()))).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body()).get("access_token").asText();
        post("/rest/tandem/v1/settings/salesforce.json", "{\"loginUrl\":\"" + emulatorUrl
                + "\",\"authMode\":\"PASSWORD\",\"clientId\":\"tandem-client-id\",\"clientSecret\":"
                + "\"tandem-client-secret\",\"username\":\"integration@tandem.dev\",\"password\":\"tandem-password\"}");
        post("/rest/tandem/v1/settings/sync.json", "{\"campaignSyncEnabled\":true,\"pollIntervalSeconds\":86400,"
                + "\"apiBudgetPercent\":100}");
    }

    public static void main(String[] args) throws Exception {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
        ((Logger) LoggerFactory.getLogger("dev.tandem.server.sync.reconcile")).setLevel(Level.INFO);
        ((Logger) LoggerFactory.getLogger("dev.tandem.server.sync.reconcile.InitialBulkPush")).setLevel(Level.DEBUG);
        int[] pushSizes = Arrays.stream((args.length > 0 ? args[0] : "200,1000,5000").split(","))
                .mapToInt(Integer::parseInt).toArray();
        int pullSize = args.length > 1 ? Integer.parseInt(args[1]) : 5000;
        int linkSize = args.length > 2 ? Integer.parseInt(args[2]) : 100_000;
        Path dir = Files.createTempDirectory("tandem-sync-bench");
        System.out.printf(Locale.ROOT, "Sync bench: max heap %d MiB, %d CPUs, Tandem on H2 (file), emulator in its own "
                        + "JVM over HTTP%n",
                Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors());
        SyncBench bench = new SyncBench(dir);
        try {
            for (int n : pushSizes) {
                if (n > 0) {
                    bench.push(n);
                }
            }
            if (pullSize > 0) {
                bench.pull(pullSize);
                bench.latency(20);
            }
            if (linkSize > 0) {
                bench.initialLink(linkSize);
            }
        } finally {
            bench.app.close();
            bench.emulatorProcess.destroy();
            bench.emulatorProcess.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** N new members, then N status changes: calls and throughput of the push. */
    private void push(int n) throws Exception {
        long program = program();
        link(program);
        List<Long> ids = createPeople(n);
        syncEnabled(false);
        changeAll(program, ids, "Member");
        long before = calls();
        long start = System.nanoTime();
        syncEnabled(true);
        awaitOutboxEmpty();
        double addSeconds = seconds(start);
        long addCalls = calls() - before;
        syncEnabled(false);
        changeAll(program, ids, "Registered");
        before = calls();
        start = System.nanoTime();
        syncEnabled(true);
        awaitOutboxEmpty();
        double moveSeconds = seconds(start);
        long moveCalls = calls() - before;
        long floor = (long) Math.ceil(n / 200.0);
        System.out.printf(Locale.ROOT, "push | %,d new members (Leads created first) | %d calls (2 x ceil(N/200) = %d "
                + "+ statuses) | %.1f s | %,.0f members/s%n", n, addCalls, 2 * floor, addSeconds, n / addSeconds);
        System.out.printf(Locale.ROOT, "push | %,d status changes | %d calls (ceil(N/200) = %d, bound 1.05 x %d + 2 = "
                        + "%.1f) | %.1f s | %,.0f changes/s%n", n, moveCalls, floor, floor, 1.05 * floor + 2, moveSeconds,
                n / moveSeconds);
    }

    /** M status changes made in Salesforce, pulled by one poll; then an idle poll. */
    private void pull(int m) throws Exception {
        long program = program();
        String campaign = link(program);
        List<Long> ids = createPeople(m);
        changeAll(program, ids, "Member");
        awaitOutboxEmpty();
        runOnce();
        List<Map<String, Object>> updates = new ArrayList<>();
        salesforce.query(Soql.select("Id").from("CampaignMember").where(Cond.eq("CampaignId", campaign)).build(), 2000,
                page -> page.records().forEach(r -> updates.add(Map.of("Id", r.id(), "Status", "Attended"))));
        salesforce.write(WriteOperation.UPDATE, "CampaignMember", updates);
        long before = calls();
        long start = System.nanoTime();
        RunReport report = runOnce();
        double seconds = seconds(start);
        long pullCalls = calls() - before;
        before = calls();
        runOnce();
        long windowCalls = calls() - before;
        // Once the overlap (1 minute) has passed since the mark moved, one more read of the window settles it and
        // polls read from the mark itself.
        Thread.sleep(61_000);
        runOnce();
        before = calls();
        runOnce();
        long idleCalls = calls() - before;
        System.out.printf(Locale.ROOT, "pull | %,d changes in Salesforce, one poll | %d calls (ceil(M/2000) + 1 = %d) | "
                        + "%.1f s | %,.0f changes/s | applied %d%n", m, pullCalls, (long) Math.ceil(m / 2000.0) + 1, seconds,
                m / seconds, report.total().updated());
        System.out.printf(Locale.ROOT, "pull | poll with nothing new, within the overlap minute (re-reads it) | %d "
                + "call(s)%n", windowCalls);
        System.out.printf(Locale.ROOT, "pull | idle poll once the overlap has passed | %d call(s)%n", idleCalls);
    }

    /** Salesforce → Tandem latency with a 1 s poll interval, background poller only. */
    private void latency(int samples) throws Exception {
        long program = program();
        String campaign = link(program);
        List<Long> ids = createPeople(samples);
        changeAll(program, ids, "Member");
        awaitOutboxEmpty();
        runOnce();
        post("/rest/tandem/v1/settings/sync.json", "{\"pollIntervalSeconds\":1}");
        List<Long> millis = new ArrayList<>();
        for (long person : ids) {
            String lead = app.services().database().jdbi().withHandle(h -> h.createQuery(
                    "SELECT sfdc_id FROM people WHERE id = :p").bind("p", person).mapTo(String.class).one());
            List<String> member = new ArrayList<>();
            salesforce.query(Soql.select("Id").from("CampaignMember").where(Cond.eq("CampaignId", campaign)
                    .and(Cond.eq("LeadId", lead))).build(), 200, page -> member.add(page.records().get(0).id()));
            long start = System.nanoTime();
            salesforce.update("CampaignMember", List.of(Map.of("Id", member.get(0), "Status", "Attended")));
            waitUntil(() -> "Attended".equals(app.services().database().jdbi().withHandle(h -> h.createQuery(
                    "SELECT status FROM memberships WHERE program_id = :g AND person_id = :p").bind("g", program)
                    .bind("p", person).mapTo(String.class).one())), 30_000);
            millis.add((System.nanoTime() - start) / 1_000_000);
        }
        post("/rest/tandem/v1/settings/sync.json", "{\"pollIntervalSeconds\":86400}");
        millis.sort(Long::compare);
        System.out.printf(Locale.ROOT, "latency | Salesforce -> Tandem, poll interval 1 s, %d samples | p50 %d ms | "
                + "p90 %d ms | max %d ms%n", samples, millis.get(samples / 2), millis.get(samples * 9 / 10),
                millis.get(samples - 1));
    }

    /** A program of {@code n} members linked to a new campaign: the initial reconcile pushes them all. */
    private void initialLink(int n) throws Exception {
        long program = program();
        List<Long> ids = createPeople(n);
        changeAll(program, ids, "Member");
        ids = null;
        System.gc();
        long liveBefore = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        HeapWatch heap = HeapWatch.begin();
        long before = calls();
        long tandemCpu = tandemCpuNanos();
        long emulatorCpu = emulatorCpuNanos();
        long start = System.nanoTime();
        String campaign = link(program);
        double seconds = seconds(start);
        tandemCpu = tandemCpuNanos() - tandemCpu;
        emulatorCpu = emulatorCpuNanos() - emulatorCpu;
        heap.finish();
        long linkCalls = calls() - before;
        long inSalesforce = salesforce.count(Soql.selectCount().from("CampaignMember")
                .where(Cond.eq("CampaignId", campaign)).build());
        System.out.printf(Locale.ROOT, "link | initial reconcile of a %,d-member program | %.1f s | %d calls | %,d members "
                + "in Salesforce | CPU used: Tandem %.1f s, emulator %.1f s | Tandem's JVM (emulator apart): peak used "
                + "heap %d MiB, most live after a GC %d MiB (%d MiB before the link), max heap %d MiB, %d GCs%n", n,
                seconds, linkCalls, inSalesforce, tandemCpu / 1e9, emulatorCpu / 1e9, heap.peakUsed() >> 20,
                heap.maxLiveAfterGc() >> 20, liveBefore >> 20, Runtime.getRuntime().maxMemory() >> 20,
                heap.collections());
    }

    private long program() throws Exception {
        JsonNode created = form("/rest/asset/v1/programs.json", "name=" + enc("Bench " + UUID.randomUUID())
                + "&folder=" + enc("{\"id\":1,\"type\":\"Folder\"}") + "&type=Event&channel=Webinar");
        return created.get("result").get(0).get("id").asLong();
    }

    private String link(long program) throws Exception {
        JsonNode link = post("/rest/tandem/v1/programs/" + program + "/salesforceCampaign.json",
                "{\"create\":{\"name\":\"" + UUID.randomUUID() + "\"}}").get("result").get(0);
        waitUntil(() -> List.of("DONE", "FAILED").contains(app.services().database().jdbi().withHandle(h ->
                h.createQuery("SELECT initial_reconcile_state FROM campaign_links WHERE program_id = :p")
                        .bind("p", program).mapTo(String.class).one())), 600_000);
        return link.get("campaignId").asText();
    }

    private List<Long> createPeople(int n) {
        List<Long> ids = new ArrayList<>(n);
        for (int from = 0; from < n; from += BATCH) {
            List<PersonInput> batch = new ArrayList<>();
            for (int i = from; i < Math.min(n, from + BATCH); i++) {
                int k = people++;
                batch.add(PersonInput.of(new PersonFields("p" + k + "@bench.example", "F" + k, "L" + k, "Acme", null,
                        null, null, null)));
            }
            for (PersonResult r : app.services().people().sync(SyncAction.CREATE_ONLY, LookupField.EMAIL, batch)) {
                ids.add(r.id());
            }
        }
        return ids;
    }

    private void changeAll(long program, List<Long> ids, String status) {
        for (int from = 0; from < ids.size(); from += BATCH) {
            app.services().memberships().changeStatus(program, ids.subList(from, Math.min(ids.size(), from + BATCH)),
                    status, ChangeContext.of(ChangeSource.API, "bench"));
        }
    }

    private void syncEnabled(boolean on) throws Exception {
        post("/rest/tandem/v1/settings/sync.json", "{\"campaignSyncEnabled\":" + on + "}");
    }

    private RunReport runOnce() {
        return app.module(CampaignSyncModule.class).orElseThrow().flow().cycle().runOnce();
    }

    private void awaitOutboxEmpty() throws InterruptedException {
        waitUntil(() -> app.services().database().jdbi().withHandle(h -> h.createQuery(
                "SELECT COUNT(*) FROM sync_outbox WHERE attempts = 0").mapTo(Long.class).one()) == 0, 600_000);
    }

    private long calls() {
        return emulator.apiCallsUsed();
    }

    private static long tandemCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private long emulatorCpuNanos() {
        return emulatorProcess.info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(0L);
    }

    /** The emulator in a JVM of its own, on this benchmark's classpath, listening on a free port. */
    private static Process startEmulator() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        return new ProcessBuilder(java, "-Xmx2g", "-cp", System.getProperty("java.class.path"),
                "dev.tandem.emulator.EmulatorMain", "--port", "0").redirectErrorStream(true).start();
    }

    /** Reads the child's output up to its "listening on" line, then keeps draining it on a daemon thread. */
    private static String emulatorUrl(Process process) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            int at = line.indexOf("listening on ");
            if (at >= 0) {
                String url = line.substring(at + "listening on ".length()).split(" ")[0];
                Thread drain = new Thread(() -> out.lines().forEach(l -> { }), "emulator-output");
                drain.setDaemon(true);
                drain.start();
                return url;
            }
        }
        throw new IllegalStateException("the emulator process ended before listening (exit " + process.waitFor() + ")");
    }

    private JsonNode post(String path, String body) throws Exception {
        return send(HttpRequest.newBuilder(app.baseUri().resolve(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private JsonNode form(String path, String body) throws Exception {
        return send(HttpRequest.newBuilder(app.baseUri().resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private JsonNode send(HttpRequest.Builder request) throws Exception {
        JsonNode json = JSON.readTree(http.send(request.header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        if (!json.path("success").asBoolean()) {
            throw new IllegalStateException("request failed: " + json);
        }
        return json;
    }

    private static void waitUntil(BooleanSupplier done, long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (!done.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("timed out after " + timeoutMillis + " ms");
            }
            Thread.sleep(20);
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /**
     * Tandem's heap during a phase: the used heap just before each collection (the most the heap held) and just after
     * it (what was live), from the collectors' notifications, plus the used heap sampled every 10 ms between them.
     */
    private static final class HeapWatch {
        private final List<NotificationEmitter> emitters = new ArrayList<>();
        private final NotificationListener listener = (notification, handback) -> {
            if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from(
                        (CompositeData) notification.getUserData());
                seen(heapOf(info.getGcInfo().getMemoryUsageBeforeGc()), heapOf(info.getGcInfo().getMemoryUsageAfterGc()));
            }
        };
        private final Thread sampler;
        private volatile boolean running = true;
        private long peakUsed;
        private long maxLiveAfterGc;
        private int collections;

        private HeapWatch() {
            sampler = new Thread(() -> {
                while (running) {
                    seen(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), -1);
                    try {
                        Thread.sleep(10);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "heap-sampler");
            sampler.setDaemon(true);
        }

        static HeapWatch begin() {
            HeapWatch watch = new HeapWatch();
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                if (gc instanceof NotificationEmitter emitter) {
                    emitter.addNotificationListener(watch.listener, null, null);
                    watch.emitters.add(emitter);
                }
            }
            watch.sampler.start();
            return watch;
        }

        private synchronized void seen(long used, long afterGc) {
            peakUsed = Math.max(peakUsed, used);
            if (afterGc >= 0) {
                maxLiveAfterGc = Math.max(maxLiveAfterGc, afterGc);
                collections++;
            }
        }

        /** Heap pools only: the notifications also report metaspace and the code cache. */
        private static long heapOf(Map<String, MemoryUsage> pools) {
            long used = 0;
            for (var pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == java.lang.management.MemoryType.HEAP && pools.containsKey(pool.getName())) {
                    used += pools.get(pool.getName()).getUsed();
                }
            }
            return used;
        }

        void finish() throws Exception {
            running = false;
            sampler.join();
            for (NotificationEmitter emitter : emitters) {
                emitter.removeNotificationListener(listener);
            }
        }

        synchronized long peakUsed() {
            return peakUsed;
        }

        synchronized long maxLiveAfterGc() {
            return maxLiveAfterGc;
        }

        synchronized int collections() {
            return collections;
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
