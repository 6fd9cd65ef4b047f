package dev.tandem.server.sync.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SyncSettingsChangeTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");
    private static final SyncSettings CURRENT = new SyncSettings(false, 60, 50, "[not provided]",
            "[not provided]", false, Instant.EPOCH);

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    @Test
    void givenFieldsChangeAndOthersKeepTheirValue() throws Exception {
        SyncSettings after = SyncSettingsChange.apply(CURRENT,
                json("{\"campaignSyncEnabled\":true,\"pollIntervalSeconds\":5,\"defaultLeadCompany\":\" Acme \"}"),
                NOW);

        assertThat(after).isEqualTo(new SyncSettings(true, 5, 50, "[not provided]", "Acme", false, NOW));
    }

    @Test
    void everyBadFieldIsReportedByName() throws Exception {
        assertThatThrownBy(() -> SyncSettingsChange.apply(CURRENT, json("{\"pollIntervalSeconds\":0,"
                + "\"apiBudgetPercent\":101,\"defaultLeadLastName\":\"\",\"pullForwardOnly\":\"yes\","
                + "\"colour\":\"blue\"}"), NOW))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field, FieldError::code)
                        .containsExactlyInAnyOrder(
                                org.assertj.core.groups.Tuple.tuple("colour", "1003"),
                                org.assertj.core.groups.Tuple.tuple("pollIntervalSeconds", "1003"),
                                org.assertj.core.groups.Tuple.tuple("apiBudgetPercent", "1003"),
                                org.assertj.core.groups.Tuple.tuple("defaultLeadLastName", "701"),
                                org.assertj.core.groups.Tuple.tuple("pullForwardOnly", "1003")));
    }

    @Test
    void fractionalPollIntervalIsRefused() throws Exception {
        assertThatThrownBy(() -> SyncSettingsChange.apply(CURRENT, json("{\"pollIntervalSeconds\":1.5}"), NOW))
                .hasMessageContaining("pollIntervalSeconds must be a whole number from 1 to 86400");
    }

    @Test
    void defaultLastNameLongerThanSalesforceAllowsIsRefused() throws Exception {
        String tooLong = "x".repeat(81);

        assertThatThrownBy(() -> SyncSettingsChange.apply(CURRENT,
                json("{\"defaultLeadLastName\":\"" + tooLong + "\"}"), NOW))
                .hasMessageContaining("defaultLeadLastName must be at most 80 characters");
    }

    @Test
    void bodyThatIsNotAnObjectIsRefused() throws Exception {
        assertThatThrownBy(() -> SyncSettingsChange.apply(CURRENT, json("[1]"), NOW))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("body");
    }
}
