package dev.tandem.server.automation.token;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class RunTokensTest {

    @Test
    void requestTokensOverrideTheProgramsIgnoringCaseAndTheProgramIsReadOnce() {
        AtomicInteger reads = new AtomicInteger();
        RunTokens tokens = new RunTokens(() -> {
            reads.incrementAndGet();
            return Map.of("status", "Registered", "campaign", "701000000000001");
        });

        Map<String, String> values = tokens.forRequest("[{\"name\":\"{{my.STATUS}}\",\"value\":\"Attended\"}]");

        assertThat(values).containsEntry("status", "Attended").containsEntry("campaign", "701000000000001");
        assertThat(tokens.forRequest(null)).containsEntry("status", "Registered");
        assertThat(reads).hasValue(1);
    }

    @Test
    void aStoredRequestTokenWithAnUnusableNameIsIgnored() {
        RunTokens tokens = new RunTokens(Map::of);

        assertThat(tokens.forRequest("[{\"name\":\"{{my.}}\",\"value\":\"x\"},{\"name\":\"{{my.A}}\",\"value\":\"1\"}]"))
                .containsExactly(Map.entry("a", "1"));
    }
}
