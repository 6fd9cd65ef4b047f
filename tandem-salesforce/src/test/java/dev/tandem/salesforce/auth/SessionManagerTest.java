package dev.tandem.salesforce.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SessionManagerTest {
    private final AtomicInteger tokenRequests = new AtomicInteger();
    private final SessionManager sessions = new SessionManager(() -> new Session("token-"
            + tokenRequests.incrementAndGet(), URI.create("http://127.0.0.1:1"), null, "00D", "005"));

    @Test
    void firstUseAuthenticatesOnceAndThenReusesTheSession() {
        Session a = sessions.current();
        Session b = sessions.current();

        assertThat(a).isSameAs(b);
        assertThat(tokenRequests).hasValue(1);
    }

    @Test
    void manyThreadsRenewingTheSameStaleSessionCauseOneTokenRequest() throws Exception {
        Session stale = sessions.current();
        int threads = 16;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Session>> renewed = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                renewed.add(pool.submit(() -> {
                    start.await();
                    return sessions.renew(stale);
                }));
            }
            start.countDown();
            for (Future<Session> f : renewed) {
                assertThat(f.get().accessToken()).isEqualTo("token-2");
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(tokenRequests).hasValue(2);
    }

    @Test
    void sessionToStringHidesTheToken() {
        assertThat(sessions.current().toString()).doesNotContain("token-1").contains("***");
    }
}
