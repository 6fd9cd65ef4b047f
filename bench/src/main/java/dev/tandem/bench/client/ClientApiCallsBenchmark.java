package dev.tandem.bench.client;

import dev.tandem.emulator.EmulatorConfig;
import dev.tandem.emulator.EmulatorControl;
import dev.tandem.emulator.RecordedRequest;
import dev.tandem.emulator.SalesforceEmulator;
import dev.tandem.salesforce.SalesforceClient;
import dev.tandem.salesforce.SalesforceConfig;
import dev.tandem.salesforce.bulk.BulkOperation;
import dev.tandem.salesforce.bulk.BulkResult;
import dev.tandem.salesforce.write.SaveResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts, with the emulator's own request log, the API calls the client spends to insert N Leads through
 * sObject Collections (expected ceil(N/200)) and through Bulk API 2.0 (expected constant: create, upload,
 * close, results, plus status polls that depend only on processing time).
 *
 * <p>Run: {@code mvn -q -pl bench exec:java -Dexec.mainClass=dev.tandem.bench.client.ClientApiCallsBenchmark
 * [-Dexec.args="200 1000 10000 50000"]}
 */
public final class ClientApiCallsBenchmark {
    private ClientApiCallsBenchmark() {
    }

    public static void main(String[] args) {
        int[] sizes = args.length == 0 ? new int[] {200, 1_000, 10_000, 50_000}
                : Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        List<String> rows = new ArrayList<>();
        try (SalesforceEmulator emulator = SalesforceEmulator.start(EmulatorConfig.defaults())) {
            EmulatorControl control = emulator.control();
            SalesforceConfig config = SalesforceConfig.builder(emulator.baseUrl())
                    .clientCredentials("tandem-client-id", "tandem-client-secret")
                    .bulkPolling(Duration.ofMillis(250), Duration.ofSeconds(2), Duration.ofMinutes(20)).build();
            for (int n : sizes) {
                Measure collections = measure(control, () -> {
                    List<SaveResult> r = SalesforceClient.connect(config).create("Lead", leads(n));
                    return r.stream().filter(SaveResult::success).count();
                });
                Measure bulk = measure(control, () -> {
                    BulkResult r = SalesforceClient.connect(config).bulkIngest(BulkOperation.INSERT, "Lead", leads(n));
                    return r.results().stream().filter(SaveResult::success).count();
                });
                long polls = bulk.requests.stream().filter(q -> q.method().equals("GET")
                        && q.path().matches(".*/jobs/ingest/[^/]+")).count();
                rows.add(String.format("| %,d | %,d | %,d | %,d | %,d | %,d | %,d | %,d |", n, collections.calls,
                        (n + 199) / 200, collections.ms, bulk.calls - polls, polls, bulk.calls, bulk.ms));
                if (collections.written != n || bulk.written != n) {
                    throw new IllegalStateException("not every record was written for N=" + n);
                }
            }
        }
        System.out.println("| N records | Collections calls | ceil(N/200) | Collections ms | Bulk calls w/o polls"
                + " | Bulk status polls | Bulk calls total | Bulk ms |");
        System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|");
        rows.forEach(System.out::println);
    }

    private record Measure(long calls, long written, long ms, List<RecordedRequest> requests) {
    }

    private interface Run {
        long written();
    }

    private static Measure measure(EmulatorControl control, Run run) {
        control.reset();
        control.setApiUsage(0, 1_000_000);
        control.clearRequests();
        long start = System.nanoTime();
        long written = run.written();
        long ms = (System.nanoTime() - start) / 1_000_000;
        List<RecordedRequest> counted = control.requests().stream().filter(RecordedRequest::countedAsApiCall).toList();
        return new Measure(counted.size(), written, ms, counted);
    }

    private static List<Map<String, Object>> leads(int n) {
        List<Map<String, Object>> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Map<String, Object> lead = new HashMap<>();
            lead.put("LastName", "Bench" + i);
            lead.put("Company", "Acme");
            out.add(lead);
        }
        return out;
    }
}
