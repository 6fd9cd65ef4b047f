package dev.tandem.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/** Whatever bytes arrive as a record body or a SOQL statement, the answer is a 4xx Salesforce error, never a 500. */
class MalformedInputProperties {
    private static SalesforceEmulator emulator;
    private static Api api;

    @BeforeContainer
    static void start() {
        emulator = SalesforceEmulator.start(EmulatorConfig.defaults().withDailyApiRequestLimit(1_000_000));
        api = Api.loggedIn(emulator);
    }

    @AfterContainer
    static void stop() {
        emulator.close();
    }

    @Property(tries = 150)
    void arbitraryRecordBodiesNeverCauseAServerError(@ForAll String body) {
        Api.Response r = api.post(Api.V + "/sobjects/CampaignMember", body);
        assertThat(r.status()).as(body).isBetween(400, 499);
        assertThat(r.json().get(0).path("errorCode").asText()).isNotEqualTo("UNKNOWN_EXCEPTION");
    }

    @Property(tries = 150)
    void arbitrarySoqlNeverCausesAServerError(@ForAll String tail) {
        Api.Response r = api.query("SELECT Id, Name FROM Campaign WHERE " + tail);
        assertThat(r.status()).as(tail).isIn(200, 400);
    }

    @Property(tries = 100)
    void arbitraryCollectionBodiesNeverCauseAServerError(@ForAll String field, @ForAll String value) {
        String body = "{\"records\":[{\"attributes\":{\"type\":\"Lead\"}," + Api.JSON.valueToTree(field) + ":"
                + Api.JSON.valueToTree(value) + "}]}";
        Api.Response r = api.post(Api.V + "/composite/sobjects", body);
        assertThat(r.status()).as(body).isIn(200, 400);
    }
}
