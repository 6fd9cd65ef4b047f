package dev.tandem.salesforce.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ErrorCodesTest {

    @Test
    void recordGoneCoversTheThreeWaysSalesforceSaysARecordIsMissing() {
        assertThat(List.of("NOT_FOUND", "ENTITY_IS_DELETED", "INVALID_CROSS_REFERENCE_KEY"))
                .allMatch(ErrorCodes::isRecordGone);
        assertThat(ErrorCodes.isRecordGone("DUPLICATE_VALUE")).isFalse();
        assertThat(ErrorCodes.isRecordGone(null)).isFalse();
    }

    @Test
    void transientCodesAreRetryable() {
        for (String code : List.of("SERVER_UNAVAILABLE", "UNABLE_TO_LOCK_ROW", "QUERY_TIMEOUT", "UNKNOWN_EXCEPTION")) {
            assertThat(ErrorCodes.kindOf(400, code)).as(code).isEqualTo(ErrorKind.RETRYABLE);
        }
        assertThat(ErrorCodes.kindOf(502, "HTTP_502")).isEqualTo(ErrorKind.RETRYABLE);
    }

    @Test
    void eachFamilyOfCodesHasItsKind() {
        assertThat(ErrorCodes.kindOf(403, "REQUEST_LIMIT_EXCEEDED")).isEqualTo(ErrorKind.LIMIT);
        assertThat(ErrorCodes.kindOf(0, "API_BUDGET_EXHAUSTED")).isEqualTo(ErrorKind.LIMIT);
        assertThat(ErrorCodes.kindOf(401, "INVALID_SESSION_ID")).isEqualTo(ErrorKind.AUTH);
        assertThat(ErrorCodes.kindOf(400, "invalid_grant")).isEqualTo(ErrorKind.AUTH);
        assertThat(ErrorCodes.kindOf(404, "ENTITY_IS_DELETED")).isEqualTo(ErrorKind.NOT_FOUND);
        assertThat(ErrorCodes.kindOf(400, "INVALID_FIELD")).isEqualTo(ErrorKind.CONFIG);
        assertThat(ErrorCodes.kindOf(400, "REQUIRED_FIELD_MISSING")).isEqualTo(ErrorKind.DATA);
        assertThat(ErrorCodes.kindOf(400, "DUPLICATE_VALUE")).isEqualTo(ErrorKind.DATA);
    }

    @Test
    void exceptionExposesSalesforcesCodeMessageAndFields() {
        SalesforceException e = new SalesforceException(400,
                new ApiError("STRING_TOO_LONG", "Campaign Name: data value too large", List.of("Name")));

        assertThat(e.errorCode()).isEqualTo("STRING_TOO_LONG");
        assertThat(e.errorMessage()).isEqualTo("Campaign Name: data value too large");
        assertThat(e.fields()).containsExactly("Name");
        assertThat(e.httpStatus()).isEqualTo(400);
        assertThat(e.kind()).isEqualTo(ErrorKind.DATA);
        assertThat(e.getMessage()).contains("STRING_TOO_LONG", "[Name]", "HTTP 400");
    }
}
