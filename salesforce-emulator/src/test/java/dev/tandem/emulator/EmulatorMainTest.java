package dev.tandem.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The standalone main starts a server with the seed and custom fields given on the command line. */
class EmulatorMainTest {

    @Test
    void standaloneMainServesTheSeededOrg(@TempDir Path dir) throws Exception {
        Path seed = dir.resolve("seed.json");
        Files.writeString(seed, "{\"Campaign\":[{\"Name\":\"From the seed file\"}]}");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                EmulatorMain.class.getName(), "--port", "0", "--seed", seed.toString(),
                "--external-id", "CampaignMember.Sync_Key__c").redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            Matcher m = null;
            String line;
            while ((line = out.readLine()) != null) {
                m = Pattern.compile("listening on (http://127\\.0\\.0\\.1:\\d+)").matcher(line);
                if (m.find()) {
                    break;
                }
            }
            assertThat(m).as("startup line").isNotNull();
            String baseUrl = m.group(1);
            Api api = Api.loggedInAs(baseUrl, "integration@tandem.dev", "tandem-password");
            assertThat(api.query("SELECT Name FROM Campaign").json().path("records").get(0).path("Name").asText())
                    .isEqualTo("From the seed file");
            assertThat(api.query("SELECT Sync_Key__c FROM CampaignMember").status()).isEqualTo(200);
        } finally {
            p.destroy();
            p.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
