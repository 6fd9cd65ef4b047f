package dev.tandem.server.sync.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.core.person.SfdcType;
import dev.tandem.salesforce.query.Cond;
import dev.tandem.salesforce.query.Soql;
import dev.tandem.server.store.PersonDao;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A member whose person another creator (a flow step, another node) is making a Lead for right now: the sync's
 * pusher leaves the Lead to it, keeps the member waiting without an error, and pushes it with that Lead later.
 */
class LeadMadeElsewhereEndToEndTest {

    private FlowTestServer server;

    @BeforeEach
    void start() {
        server = new FlowTestServer().connect();
        server.stopBackgroundJobs();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void theMemberWaitsForTheOtherCreatorsLeadInsteadOfInsertingASecond() {
        long program = server.createWebinarProgram();
        String campaign = server.linkToNewCampaign(program);
        long person = server.createPeople(1, true).get(0);
        String email = server.text("SELECT email FROM people WHERE id = " + person);
        Jdbi jdbi = server.app().services().database().jdbi();
        jdbi.useHandle(h -> h.execute("INSERT INTO lead_intents (person_id, created_at, email, first_name, last_name, "
                        + "company, holder, held_until) VALUES (?, ?, ?, 'F0', 'L0', 'Acme', 'flow-node/0001', ?)",
                person, Instant.now().atOffset(ZoneOffset.UTC), email,
                Instant.now().plus(Duration.ofMinutes(10)).atOffset(ZoneOffset.UTC)));
        server.setStatus(program, "Registered", List.of(person));

        server.runSync();

        assertThat(leadsWithEmail(email)).as("the pusher inserted no Lead of its own").isZero();
        assertThat(server.count("SELECT COUNT(*) FROM sync_outbox WHERE person_id = " + person + " AND attempts = 0"))
                .as("the member still waits, not failed").isEqualTo(1);
        assertThat(server.count("SELECT COUNT(*) FROM sync_errors")).isZero();

        // The other creator finishes: its Lead is recorded on the person and its intent closed.
        String leadId = server.createLead(email, "L0", "Acme");
        jdbi.useTransaction(h -> {
            new PersonDao().linkToSalesforce(h, person, SfdcType.LEAD, leadId, Instant.now());
            h.execute("DELETE FROM lead_intents WHERE person_id = ?", person);
            h.execute("UPDATE sync_outbox SET next_attempt_at = ? WHERE person_id = ?",
                    Instant.now().atOffset(ZoneOffset.UTC), person);
        });
        server.runSync();

        assertThat(leadsWithEmail(email)).isEqualTo(1);
        assertThat(server.salesforceMembers(campaign)).containsExactly(Map.entry(leadId, "Registered"));
    }

    private long leadsWithEmail(String email) {
        return server.salesforce.stream(Soql.select("Id").from("Lead").where(Cond.eq("Email", email)).build())
                .count();
    }
}
