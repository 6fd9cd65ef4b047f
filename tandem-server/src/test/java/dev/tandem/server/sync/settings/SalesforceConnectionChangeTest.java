package dev.tandem.server.sync.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SalesforceConnectionChangeTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    private static SalesforceConnection passwordConnection() throws Exception {
        return SalesforceConnectionChange.apply(null, json("{\"loginUrl\":\"https://login.salesforce.com/\","
                + "\"authMode\":\"PASSWORD\",\"clientId\":\"cid\",\"clientSecret\":\"cs\","
                + "\"username\":\"u@x.dev\",\"password\":\"pw\"}"), NOW);
    }

    @Test
    void completePasswordConnectionIsAcceptedWithDefaultApiVersion() throws Exception {
        SalesforceConnection connection = passwordConnection();

        assertThat(connection.loginUrl()).isEqualTo("https://login.salesforce.com");
        assertThat(connection.apiVersion()).isEqualTo("62.0");
        assertThat(connection.authMode()).isEqualTo(dev.tandem.salesforce.AuthMode.PASSWORD);
        assertThat(connection.secrets()).isEqualTo(new SalesforceSecrets("cs", "pw", null, null));
    }

    @Test
    void omittedSecretsAreKeptWhenOtherFieldsChange() throws Exception {
        SalesforceConnection changed = SalesforceConnectionChange.apply(passwordConnection(),
                json("{\"loginUrl\":\"https://test.salesforce.com\"}"), NOW);

        assertThat(changed.loginUrl()).isEqualTo("https://test.salesforce.com");
        assertThat(changed.secrets().password()).isEqualTo("pw");
    }

    @Test
    void secretSentAsNullIsClearedAndThenMissingForItsMode() throws Exception {
        assertThatThrownBy(() -> SalesforceConnectionChange.apply(passwordConnection(),
                json("{\"password\":null}"), NOW))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .containsExactly(new FieldError("701", "password", "cannot be blank for authMode PASSWORD")));
    }

    @Test
    void eachModeRequiresItsOwnCredentials() throws Exception {
        assertThatThrownBy(() -> SalesforceConnectionChange.apply(null, json("{\"loginUrl\":\"https://l.sf.com\","
                + "\"authMode\":\"JWT_BEARER\",\"clientId\":\"cid\"}"), NOW))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("username", "privateKey"));
        assertThatThrownBy(() -> SalesforceConnectionChange.apply(null, json("{\"loginUrl\":\"https://l.sf.com\","
                + "\"authMode\":\"REFRESH_TOKEN\",\"clientId\":\"cid\"}"), NOW))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("refreshToken"));
    }

    @Test
    void malformedValuesAreNamedAndSecretValuesNeverEchoed() throws Exception {
        assertThatThrownBy(() -> SalesforceConnectionChange.apply(null, json("{\"loginUrl\":\"ftp://x\","
                + "\"authMode\":\"MAGIC\",\"apiVersion\":\"v62\",\"clientSecret\":42,\"token\":\"t\"}"), NOW))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.errors()).extracting(FieldError::field).containsExactlyInAnyOrder(
                            "token", "clientSecret", "loginUrl", "apiVersion", "authMode", "clientId");
                    assertThat(e.getMessage()).doesNotContain("42");
                });
    }

    @Test
    void toStringOfSecretsRevealsNothing() throws Exception {
        assertThat(passwordConnection().toString()).doesNotContain("pw").doesNotContain("cs,")
                .contains("password=****");
    }

    @Test
    void viewSaysWhichSecretsAreSetWithoutTheirValues() throws Exception {
        SalesforceConnection.ConnectionView view = passwordConnection().describe();

        assertThat(view.passwordSet()).isTrue();
        assertThat(view.clientSecretSet()).isTrue();
        assertThat(view.privateKeySet()).isFalse();
        assertThat(view.toString()).doesNotContain("pw");
    }
}
