package dev.tandem.salesforce.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.emulator.EmulatorConfig;
import dev.tandem.emulator.SalesforceEmulator;
import dev.tandem.salesforce.SalesforceClient;
import dev.tandem.salesforce.SalesforceConfig;
import dev.tandem.salesforce.error.ErrorKind;
import dev.tandem.salesforce.error.SalesforceException;
import dev.tandem.salesforce.query.Soql;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class AuthEmulatorTest extends EmulatorTestBase {
    private final Soql users = Soql.select("Id", "Username").from("User").build();

    @Test
    void clientCredentialsLoginSendsDataCallsToTheReturnedInstance() {
        SalesforceClient client = client();

        assertThat(client.stream(users).map(u -> u.getString("Username")).toList()).contains(SYNC_USER);
        assertThat(client.userId()).startsWith("005");
        assertTokenRequests(1);
    }

    @Test
    void passwordLoginWorks() {
        SalesforceClient client = client(config().password(CLIENT_ID, CLIENT_SECRET, SYNC_USER, SYNC_PASSWORD).build());

        assertThat(client.stream(users).count()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void wrongPasswordIsAnAuthErrorWithSalesforcesCode() {
        SalesforceClient client = client(config().password(CLIENT_ID, CLIENT_SECRET, SYNC_USER, "wrong").build());

        assertThatThrownBy(() -> client.stream(users).count()).isInstanceOfSatisfying(SalesforceException.class, e -> {
            assertThat(e.kind()).isEqualTo(ErrorKind.AUTH);
            assertThat(e.errorCode()).isEqualTo("invalid_grant");
        });
        assertTokenRequests(1);
    }

    @Test
    void refreshTokenLoginWorks() {
        String refresh = control.refreshToken(SYNC_USER);
        SalesforceClient client = client(config().refreshToken(CLIENT_ID, CLIENT_SECRET, refresh).build());

        assertThat(client.stream(users).count()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void jwtBearerLoginIsVerifiedAgainstTheConfiguredPublicKey() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        KeyPair keys = g.generateKeyPair();
        Base64.Encoder mime = Base64.getMimeEncoder(64, "\n".getBytes());
        String publicPem = "-----BEGIN PUBLIC KEY-----\n" + mime.encodeToString(keys.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
        String privatePem = "-----BEGIN PRIVATE KEY-----\n" + mime.encodeToString(keys.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        try (SalesforceEmulator jwtOrg = SalesforceEmulator.start(EmulatorConfig.defaults().withJwtPublicKeyPem(publicPem))) {
            SalesforceClient client = SalesforceClient.connect(SalesforceConfig.builder(jwtOrg.baseUrl())
                    .jwtBearer(CLIENT_ID, SYNC_USER, privatePem).build());

            assertThat(client.stream(users).count()).isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void expiredSessionIsRenewedOnceAndTheRequestReplayed() {
        SalesforceClient client = client();
        client.stream(users).count();
        control.expireSessions();

        assertThat(client.stream(users).count()).isGreaterThanOrEqualTo(2);
        assertTokenRequests(2);
    }

    @Test
    void concurrentCallsAfterExpiryCauseExactlyOneTokenRequest() throws Exception {
        SalesforceClient client = client();
        client.stream(users).count();
        control.expireSessions();
        int threads = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Long>> counts = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                counts.add(pool.submit(() -> {
                    start.await();
                    return client.stream(users).count();
                }));
            }
            start.countDown();
            for (Future<Long> f : counts) {
                assertThat(f.get()).isGreaterThanOrEqualTo(2);
            }
        } finally {
            pool.shutdownNow();
        }
        assertTokenRequests(2);
    }
}
