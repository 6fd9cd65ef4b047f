package dev.tandem.salesforce.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.salesforce.SalesforceClient;
import dev.tandem.salesforce.preflight.Diagnosis;
import java.util.List;
import org.junit.jupiter.api.Test;

class PreflightEmulatorTest extends EmulatorTestBase {

    @Test
    void aMarketingUserOnASupportedVersionPassesEveryCheck() {
        List<Diagnosis> checks = client().preflight();

        assertThat(checks).extracting(Diagnosis::check).containsExactly("login", "api-version", "identity",
                "marketing-user", "campaign-access", "campaign-member-access", "api-budget");
        assertThat(checks).allSatisfy(d -> assertThat(d.ok()).as(d.toString()).isTrue());
    }

    @Test
    void aUserWithoutMarketingUserIsToldHowToFixIt() {
        SalesforceClient analyst = client(config().password(CLIENT_ID, CLIENT_SECRET, "analyst@tandem.dev",
                "analyst-password").build());

        Diagnosis d = analyst.preflight().stream().filter(x -> x.check().equals("marketing-user")).findFirst()
                .orElseThrow();

        assertThat(d.ok()).isFalse();
        assertThat(d.message()).contains("analyst@tandem.dev", "not a Marketing User");
        assertThat(d.fix()).contains("Marketing User");
    }

    @Test
    void revokingTheMarketingFlagIsNoticed() {
        control.setMarketingUser(SYNC_USER, false);

        Diagnosis d = client().preflight().stream().filter(x -> x.check().equals("marketing-user")).findFirst()
                .orElseThrow();

        assertThat(d.ok()).isFalse();
    }

    @Test
    void anUnsupportedApiVersionIsReportedWithTheVersionsOnOffer() {
        List<Diagnosis> checks = client(config().apiVersion("20.0").build()).preflight();

        Diagnosis version = checks.get(1);
        assertThat(version.check()).isEqualTo("api-version");
        assertThat(version.ok()).isFalse();
        assertThat(version.fix()).contains("Set apiVersion");
    }

    @Test
    void badCredentialsStopAtTheLoginCheck() {
        List<Diagnosis> checks = client(config().clientCredentials(CLIENT_ID, "wrong-secret").build()).preflight();

        assertThat(checks).hasSize(1);
        assertThat(checks.get(0).check()).isEqualTo("login");
        assertThat(checks.get(0).ok()).isFalse();
        assertThat(checks.get(0).fix()).isNotBlank();
    }
}
