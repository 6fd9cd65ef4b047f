package dev.tandem.server.automation;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Which Salesforce campaigns are watched follows what smart campaigns name, save by save (no Salesforce needed). */
class SalesforceReferencesTest extends AutomationTestSupport {

    private static final String FILTER = "{\"filters\":[{\"type\":\"memberOfSfdcCampaign\",\"operator\":\"in\","
            + "\"campaigns\":[\"%s\"]}]}";
    private static final String NO_CAMPAIGN = "{\"filters\":[{\"type\":\"personAttribute\",\"attribute\":\"lastName\","
            + "\"operator\":\"is\",\"values\":[\"Nobody\"]}]}";

    private static int counter = 100;

    private static synchronized String newCampaignId() {
        return "7010000000" + String.format("%05d", counter++) + "AAA";
    }

    private static List<String> watched(String campaignId) {
        return server.app().services().database().jdbi().withHandle(h -> h.createQuery(
                        "SELECT campaign_id FROM watched_campaigns WHERE campaign_key = :k")
                .bind("k", campaignId.substring(0, 15)).mapTo(String.class).list());
    }

    @Test
    void aCampaignStaysWatchedUntilTheLastSmartCampaignNamingItStops() {
        String sf = newCampaignId();
        long first = campaign(null);
        long second = campaign(null);
        result(saveRules(first, FILTER.formatted(sf)));
        result(saveFlow(second, "{\"steps\":[{\"action\":\"addToSfdcCampaign\",\"campaignId\":\"" + sf
                + "\",\"status\":\"Sent\"}]}"));

        result(saveRules(first, NO_CAMPAIGN));
        List<String> whileSecondNamesIt = watched(sf);
        result(saveFlow(second, "{\"steps\":[]}"));

        assertThat(whileSecondNamesIt).containsExactly(sf);
        assertThat(watched(sf)).isEmpty();
    }

    @Test
    void deletingTheOnlySmartCampaignNamingACampaignEndsItsWatch() {
        String sf = newCampaignId();
        long campaign = campaign(null);
        result(saveRules(campaign, FILTER.formatted(sf)));

        result(server.postJson("/rest/asset/v1/smartCampaign/" + campaign + "/delete.json", ""));

        assertThat(watched(sf)).isEmpty();
    }

    @Test
    void smartCampaignsSavedBeforeWatchesExistedAreIndexedOnce() {
        String sf = newCampaignId();
        long campaign = campaign(null);
        result(saveRules(campaign, FILTER.formatted(sf)));
        server.app().services().database().jdbi().useTransaction(h -> {
            h.execute("DELETE FROM sfdc_campaign_references WHERE smart_campaign_id = ?", campaign);
            h.execute("DELETE FROM watched_campaigns WHERE campaign_key = ?", sf.substring(0, 15));
            h.execute("UPDATE automation_smart_campaigns SET sfdc_references_indexed = FALSE WHERE id = ?", campaign);
        });

        int indexed = server.module().campaigns().indexSalesforceReferences();
        int again = server.module().campaigns().indexSalesforceReferences();

        assertThat(indexed).isEqualTo(1);
        assertThat(again).isZero();
        assertThat(watched(sf)).containsExactly(sf);
    }
}
