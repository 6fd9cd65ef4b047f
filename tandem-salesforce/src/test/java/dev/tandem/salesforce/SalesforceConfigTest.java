package dev.tandem.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SalesforceConfigTest {

    @Test
    void toStringNeverShowsSecrets() {
        SalesforceConfig cfg = SalesforceConfig.builder("https://login.salesforce.com")
                .password("app", "s3cret-app", "user@x.com", "pa55word").build();

        assertThat(cfg.toString()).doesNotContain("s3cret-app", "pa55word").contains("user@x.com", "app");
        assertThat(cfg.credentials().toString()).doesNotContain("s3cret-app", "pa55word");
    }

    @Test
    void defaultsMatchTheDocumentedValues() {
        SalesforceConfig cfg = SalesforceConfig.builder("https://login.salesforce.com/")
                .clientCredentials("app", "secret").build();

        assertThat(cfg.apiVersion()).isEqualTo("62.0");
        assertThat(cfg.apiBudgetPercent()).isEqualTo(50);
        assertThat(cfg.bulkThreshold()).isEqualTo(2000);
        assertThat(cfg.jwtAudience()).isEqualTo("https://login.salesforce.com");
        assertThat(cfg.dataPath()).isEqualTo("/services/data/v62.0");
    }

    @Test
    void eachFlowNamesTheMissingCredential() {
        assertThatThrownBy(() -> SalesforceConfig.builder("https://x.my.salesforce.com")
                .jwtBearer("app", "user@x.com", null).build()).hasMessage("privateKeyPem is required for JWT_BEARER");
        assertThatThrownBy(() -> SalesforceConfig.builder("https://x.my.salesforce.com")
                .clientCredentials("app", "").build()).hasMessage("clientSecret is required for CLIENT_CREDENTIALS");
        assertThatThrownBy(() -> SalesforceConfig.builder("https://x.my.salesforce.com")
                .refreshToken("app", null, null).build()).hasMessage("refreshToken is required for REFRESH_TOKEN");
    }

    @Test
    void badSettingsAreRefusedWithTheFieldName() {
        assertThatThrownBy(() -> SalesforceConfig.builder("ftp://x").clientCredentials("a", "b").build())
                .hasMessageContaining("loginUrl");
        assertThatThrownBy(() -> SalesforceConfig.builder("https://x.com").clientCredentials("a", "b")
                .apiVersion("v62").build()).hasMessageContaining("apiVersion");
        assertThatThrownBy(() -> SalesforceConfig.builder("https://x.com").clientCredentials("a", "b")
                .apiBudgetPercent(0).build()).hasMessageContaining("apiBudgetPercent");
        assertThatThrownBy(() -> SalesforceConfig.builder("https://x.com").build()).hasMessageContaining("authMode");
    }
}
