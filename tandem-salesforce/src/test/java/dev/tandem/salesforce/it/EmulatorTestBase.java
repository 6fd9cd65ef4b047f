package dev.tandem.salesforce.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.emulator.EmulatorConfig;
import dev.tandem.emulator.EmulatorControl;
import dev.tandem.emulator.SalesforceEmulator;
import dev.tandem.emulator.schema.CustomField;
import dev.tandem.salesforce.SalesforceClient;
import dev.tandem.salesforce.SalesforceConfig;
import dev.tandem.salesforce.http.RetryPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * Runs the client against one emulator per test class over real HTTP; every test starts from the seeded org
 * with no faults and an empty request log. Waits are recorded, and shortened so tests stay fast.
 */
abstract class EmulatorTestBase {
    static final String CLIENT_ID = "tandem-client-id";
    static final String CLIENT_SECRET = "tandem-client-secret";
    static final String SYNC_USER = "integration@tandem.dev";
    static final String SYNC_PASSWORD = "tandem-password";
    /** An external-id field on Lead, for upserts. */
    static final String SYNC_KEY = "Sync_Key__c";
    static SalesforceEmulator emulator;
    static EmulatorControl control;
    final List<Duration> waits = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startEmulator() {
        emulator = SalesforceEmulator.start(EmulatorConfig.defaults()
                .withCustomField(CustomField.externalIdText("Lead", SYNC_KEY)));
        control = emulator.control();
    }

    @AfterAll
    static void stopEmulator() {
        emulator.close();
    }

    @BeforeEach
    void resetOrg() {
        control.reset();
        control.clearFaults();
        control.clearRequests();
        waits.clear();
    }

    SalesforceConfig.Builder config() {
        return SalesforceConfig.builder(emulator.baseUrl()).clientCredentials(CLIENT_ID, CLIENT_SECRET)
                .retry(new RetryPolicy(4, Duration.ofMillis(200), Duration.ofSeconds(2), 2.0))
                .bulkPolling(Duration.ofMillis(20), Duration.ofMillis(100), Duration.ofMinutes(2));
    }

    SalesforceClient client() {
        return client(config().build());
    }

    SalesforceClient client(SalesforceConfig cfg) {
        return SalesforceClient.builder(cfg).sleeper(d -> {
            waits.add(d);
            // Pace bulk polling a little without making retry tests slow; nothing asserts on elapsed time.
            Thread.sleep(Math.min(d.toMillis(), 20));
        }).build();
    }

    /** Requests the emulator logged whose method matches and whose path matches the regex. */
    static long requests(String method, String pathRegex) {
        Pattern p = Pattern.compile(pathRegex);
        return control.requests().stream()
                .filter(r -> r.method().equalsIgnoreCase(method) && p.matcher(r.path()).matches()).count();
    }

    /** Asserts how many matching requests the emulator logged (it logs each request before answering it). */
    static void assertRequests(String method, String pathRegex, long expected) {
        assertThat(requests(method, pathRegex)).as(method + " " + pathRegex).isEqualTo(expected);
    }

    static void assertTokenRequests(long expected) {
        assertRequests("POST", "/services/oauth2/token", expected);
    }

    static List<Map<String, Object>> leads(int n, String prefix) {
        List<Map<String, Object>> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Map<String, Object> lead = new HashMap<>();
            lead.put("LastName", prefix + i);
            lead.put("Company", "Acme");
            lead.put("Email", prefix.toLowerCase() + i + "@example.com");
            out.add(lead);
        }
        return out;
    }
}
