package dev.tandem.salesforce.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.salesforce.error.ApiError;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ErrorBodiesTest {

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void restErrorArrayKeepsCodeMessageAndFields() {
        List<ApiError> errors = ErrorBodies.parse(400, b("[{\"message\":\"Required fields are missing: [Name]\","
                + "\"errorCode\":\"REQUIRED_FIELD_MISSING\",\"fields\":[\"Name\"]}]"));

        assertThat(errors).containsExactly(new ApiError("REQUIRED_FIELD_MISSING",
                "Required fields are missing: [Name]", List.of("Name")));
    }

    @Test
    void collectionsStyleStatusCodeIsReadAsTheCode() {
        assertThat(ErrorBodies.parse(400, b("[{\"statusCode\":\"DUPLICATE_VALUE\",\"message\":\"m\"}]")).get(0)
                .errorCode()).isEqualTo("DUPLICATE_VALUE");
    }

    @Test
    void oauthErrorObjectIsReadAsCodeAndDescription() {
        assertThat(ErrorBodies.parse(400, b("{\"error\":\"invalid_grant\",\"error_description\":\"authentication failure\"}")))
                .containsExactly(new ApiError("invalid_grant", "authentication failure", List.of()));
    }

    @Test
    void htmlOrEmptyBodiesBecomeAnHttpStatusCode() {
        assertThat(ErrorBodies.parse(503, b("<html>maintenance</html>")).get(0).errorCode()).isEqualTo("HTTP_503");
        assertThat(ErrorBodies.parse(502, new byte[0]).get(0).errorCode()).isEqualTo("HTTP_502");
        assertThat(ErrorBodies.isSalesforceErrorArray(b("<html/>"))).isFalse();
        assertThat(ErrorBodies.isSalesforceErrorArray(b("[{\"errorCode\":\"SERVER_UNAVAILABLE\"}]"))).isTrue();
    }
}
