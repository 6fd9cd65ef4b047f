package dev.tandem.bench.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.emulator.EmulatorConfig;
import dev.tandem.emulator.SalesforceEmulator;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Measures the emulator over real HTTP with plain java.net.http: CampaignMember inserts per second through sObject
 * Collections (200 records a call) and query rows per second through nextRecordsUrl paging (2,000 rows a page).
 *
 * <p>Usage: {@code EmulatorThroughputBenchmark [members=50000] [threads=2] [rounds=3]}. Each round resets the org,
 * creates the leads, then times the member inserts and a full paged read of the campaign's members.
 */
public final class EmulatorThroughputBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String V = "/services/data/v62.0";
    private static final int BATCH = 200;

    private final HttpClient http = HttpClient.newHttpClient();
    private final String baseUrl;
    private final String token;

    private EmulatorThroughputBenchmark(String baseUrl) throws IOException, InterruptedException {
        this.baseUrl = baseUrl;
        String form = "grant_type=client_credentials&client_id=" + EmulatorConfig.CLIENT_ID + "&client_secret="
                + EmulatorConfig.CLIENT_SECRET;
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/services/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        this.token = JSON.readTree(r.body()).path("access_token").asText();
    }

    public static void main(String[] args) throws Exception {
        int members = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        EmulatorConfig config = EmulatorConfig.defaults().withDailyApiRequestLimit(100_000_000);
        try (SalesforceEmulator emulator = SalesforceEmulator.start(config)) {
            EmulatorThroughputBenchmark bench = new EmulatorThroughputBenchmark(emulator.baseUrl());
            System.out.printf(Locale.ROOT, "Emulator throughput: %d CampaignMembers per round, %d client threads,"
                    + " %d rounds (round 1 is warm-up)%n", members, threads, rounds);
            for (int round = 1; round <= rounds; round++) {
                emulator.control().reset();
                String campaign = bench.create("Campaign", "{\"Name\":\"Bench " + round + "\"}");
                List<String> leads = bench.insertAll(leadBatches(members), threads);
                long t0 = System.nanoTime();
                List<String> created = bench.insertAll(memberBatches(campaign, leads), threads);
                double insertSeconds = (System.nanoTime() - t0) / 1e9;
                long t1 = System.nanoTime();
                int rows = bench.readAll("SELECT Id, CampaignId, LeadId, Status, HasResponded, SystemModstamp"
                        + " FROM CampaignMember WHERE CampaignId = '" + campaign + "' ORDER BY SystemModstamp, Id");
                double readSeconds = (System.nanoTime() - t1) / 1e9;
                if (created.size() != members || rows != members) {
                    throw new IllegalStateException("expected " + members + " members, inserted " + created.size()
                            + ", read " + rows);
                }
                System.out.printf(Locale.ROOT, "round %d: member inserts %,.0f/s (%,d in %.2f s, %d calls)  |  query"
                                + " rows %,.0f/s (%,d in %.2f s, %d pages)%n", round, members / insertSeconds, members,
                        insertSeconds, (members + BATCH - 1) / BATCH, rows / readSeconds, rows, readSeconds,
                        (rows + 1999) / 2000);
            }
        }
    }

    private static List<String> leadBatches(int count) {
        List<String> bodies = new ArrayList<>();
        for (int start = 0; start < count; start += BATCH) {
            ArrayNode records = JSON.createArrayNode();
            for (int i = start; i < Math.min(count, start + BATCH); i++) {
                ObjectNode r = records.addObject();
                r.putObject("attributes").put("type", "Lead");
                r.put("LastName", "Lead " + i);
                r.put("Company", "Bench Inc");
                r.put("Email", "lead" + i + "@bench.example");
            }
            bodies.add(collection(records));
        }
        return bodies;
    }

    private static List<String> memberBatches(String campaign, List<String> leads) {
        List<String> bodies = new ArrayList<>();
        for (int start = 0; start < leads.size(); start += BATCH) {
            ArrayNode records = JSON.createArrayNode();
            for (int i = start; i < Math.min(leads.size(), start + BATCH); i++) {
                ObjectNode r = records.addObject();
                r.putObject("attributes").put("type", "CampaignMember");
                r.put("CampaignId", campaign);
                r.put("LeadId", leads.get(i));
                r.put("Status", i % 3 == 0 ? "Responded" : "Sent");
            }
            bodies.add(collection(records));
        }
        return bodies;
    }

    private static String collection(ArrayNode records) {
        ObjectNode body = JSON.createObjectNode();
        body.put("allOrNone", false);
        body.set("records", records);
        return body.toString();
    }

    /** Posts every batch to /composite/sobjects from a pool of threads; returns the new ids in batch order. */
    private List<String> insertAll(List<String> bodies, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<String>>> futures = new ArrayList<>();
            for (String body : bodies) {
                futures.add(pool.submit(() -> postCollection(body)));
            }
            List<String> ids = new ArrayList<>();
            for (Future<List<String>> f : futures) {
                ids.addAll(f.get());
            }
            return ids;
        } finally {
            pool.shutdownNow();
        }
    }

    private List<String> postCollection(String body) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(request(V + "/composite/sobjects")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode results = JSON.readTree(r.body());
        List<String> ids = new ArrayList<>();
        for (JsonNode result : results) {
            if (!result.path("success").asBoolean()) {
                throw new IllegalStateException("insert failed: " + result);
            }
            ids.add(result.path("id").asText());
        }
        return ids;
    }

    private String create(String type, String json) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(request(V + "/sobjects/" + type)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(r.body()).path("id").asText();
    }

    /** Runs a query and follows nextRecordsUrl to the end; returns the number of rows read. */
    private int readAll(String soql) throws IOException, InterruptedException {
        String next = V + "/query?q=" + URLEncoder.encode(soql, StandardCharsets.UTF_8).replace("+", "%20");
        int rows = 0;
        while (next != null) {
            HttpResponse<String> r = http.send(request(next).header("Sforce-Query-Options", "batchSize=2000").GET()
                    .build(), HttpResponse.BodyHandlers.ofString());
            JsonNode page = JSON.readTree(r.body());
            rows += page.path("records").size();
            next = page.path("done").asBoolean() ? null : page.path("nextRecordsUrl").asText();
        }
        return rows;
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Authorization", "Bearer " + token);
    }
}
