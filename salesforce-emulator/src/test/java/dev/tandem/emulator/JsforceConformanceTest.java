package dev.tandem.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Runs the jsforce 3.10.16 conformance suite (src/test/js, installed by `npm ci` during generate-test-resources)
 * against an embedded emulator: a third-party client must work against the emulator unchanged.
 */
class JsforceConformanceTest {
    private static final Path SUITE = Path.of("src/test/js");

    @Test
    void jsforceSuitePassesAgainstTheEmbeddedEmulator() throws IOException, InterruptedException {
        assertThat(SUITE.resolve("node_modules/jsforce/package.json"))
                .as("jsforce is installed by the npm-ci-conformance execution").exists();
        assertThat(Files.readString(SUITE.resolve("node_modules/jsforce/package.json"))).contains("\"3.10.16\"");
        try (SalesforceEmulator emulator = SalesforceEmulator.start(EmulatorConfig.defaults())) {
            ProcessBuilder pb = new ProcessBuilder("node", "--test").directory(SUITE.toFile()).redirectErrorStream(true);
            pb.environment().put("EMULATOR_URL", emulator.baseUrl());
            Process node = pb.start();
            StringBuilder output = new StringBuilder();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(node.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    System.out.println("[jsforce] " + line);
                    output.append(line).append('\n');
                }
            }
            boolean finished = node.waitFor(5, TimeUnit.MINUTES);
            if (!finished) {
                node.destroyForcibly();
            }
            assertThat(finished).as("node --test finished").isTrue();
            assertThat(node.exitValue()).as(output.toString()).isZero();
            assertThat(output).contains("# fail 0");
        }
    }
}
