package dev.tandem.server.automation.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.core.automation.QualificationRule;
import dev.tandem.core.automation.Recurrence;
import dev.tandem.server.automation.document.DocumentWriter;
import dev.tandem.server.automation.document.FlowReader;
import dev.tandem.server.automation.document.RecurrenceJson;
import dev.tandem.server.automation.document.RulesReader;
import dev.tandem.server.automation.model.CampaignType;
import dev.tandem.server.automation.model.FlowStep;
import dev.tandem.server.automation.model.SmartCampaign;
import dev.tandem.server.automation.model.SmartList;
import org.jdbi.v3.core.Handle;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** SQL over {@code automation_smart_campaigns}; every method runs in the caller's transaction. */
public final class CampaignStore {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COLUMNS = "id, name, description, program_id, rules, flow, active, recurrence, "
            + "created_at, updated_at";

    /** Creates an empty, inactive campaign; returns its id. */
    public long insert(Handle h, String name, String description, Long programId, Instant now) {
        bump(h);
        // An empty campaign names no Salesforce campaign: its (empty) references are indexed from the start.
        return h.createUpdate("INSERT INTO automation_smart_campaigns (name, description, program_id, campaign_type, "
                        + "rules, flow, active, sfdc_references_indexed, created_at, updated_at) VALUES (:name, "
                        + ":description, :program, :type, :rules, :flow, FALSE, TRUE, :now, :now)")
                .bind("name", name).bind("description", description).bind("program", programId)
                .bind("type", CampaignType.DEFAULT.name())
                .bind("rules", write(DocumentWriter.rules(SmartList.empty(), QualificationRule.once())))
                .bind("flow", write(DocumentWriter.flow(List.of())))
                .bind("now", now)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    /** The campaign with this id. */
    public Optional<SmartCampaign> get(Handle h, long id) {
        return h.createQuery("SELECT " + COLUMNS + " FROM automation_smart_campaigns WHERE id = :id")
                .bind("id", id).map((rs, ctx) -> campaign(rs)).findOne();
    }

    /** The campaign with this id, locked until the transaction ends (serialises writes to one campaign). */
    public Optional<SmartCampaign> lock(Handle h, long id) {
        return h.createQuery("SELECT " + COLUMNS + " FROM automation_smart_campaigns WHERE id = :id FOR UPDATE")
                .bind("id", id).map((rs, ctx) -> campaign(rs)).findOne();
    }

    /** The campaigns with exactly this name (names are unique only within a program), in id order. */
    public List<SmartCampaign> byName(Handle h, String name) {
        return h.createQuery("SELECT " + COLUMNS + " FROM automation_smart_campaigns WHERE name = :name ORDER BY id")
                .bind("name", name).map((rs, ctx) -> campaign(rs)).list();
    }

    /** Campaigns in id order, optionally only active or inactive ones. */
    public List<SmartCampaign> list(Handle h, Boolean active, int limit, int offset) {
        return h.createQuery("SELECT " + COLUMNS + " FROM automation_smart_campaigns"
                        + (active == null ? "" : " WHERE active = :active") + " ORDER BY id LIMIT :limit OFFSET :offset")
                .bind("active", active).bind("limit", limit).bind("offset", offset)
                .map((rs, ctx) -> campaign(rs)).list();
    }

    /** Every active trigger campaign. */
    public List<SmartCampaign> activeTriggerCampaigns(Handle h) {
        return h.createQuery("SELECT " + COLUMNS + " FROM automation_smart_campaigns WHERE active = TRUE "
                        + "AND campaign_type = :type ORDER BY id")
                .bind("type", CampaignType.TRIGGER.name()).map((rs, ctx) -> campaign(rs)).list();
    }

    /** A number that changes with every campaign write (the cache key of active campaigns). */
    public long version(Handle h) {
        return h.createQuery("SELECT version FROM automation_state WHERE id = 1").mapTo(Long.class).one();
    }

    /**
     * Marks the campaigns as changed by a write outside this store: deleting a program deletes its campaigns by
     * cascade, and every node's cache of active campaigns must notice.
     */
    public void touch(Handle h) {
        bump(h);
    }

    private static void bump(Handle h) {
        h.createUpdate("UPDATE automation_state SET version = version + 1 WHERE id = 1").execute();
    }

    /** Renames or re-describes a campaign. */
    public void updateInfo(Handle h, long id, String name, String description, Instant now) {
        bump(h);
        h.createUpdate("UPDATE automation_smart_campaigns SET name = :name, description = :description, "
                        + "updated_at = :now WHERE id = :id")
                .bind("id", id).bind("name", name).bind("description", description).bind("now", now).execute();
    }

    /** Stores validated rules; the type follows them. */
    public void saveRules(Handle h, long id, SmartList list, QualificationRule rule, Instant now) {
        bump(h);
        h.createUpdate("UPDATE automation_smart_campaigns SET rules = :rules, campaign_type = :type, "
                        + "updated_at = :now WHERE id = :id")
                .bind("id", id).bind("rules", write(DocumentWriter.rules(list, rule)))
                .bind("type", CampaignType.of(list).name()).bind("now", now).execute();
    }

    /** Stores a validated flow. */
    public void saveFlow(Handle h, long id, List<FlowStep> steps, Instant now) {
        bump(h);
        h.createUpdate("UPDATE automation_smart_campaigns SET flow = :flow, updated_at = :now WHERE id = :id")
                .bind("id", id).bind("flow", write(DocumentWriter.flow(steps))).bind("now", now).execute();
    }

    /** Activates or deactivates. */
    public void setActive(Handle h, long id, boolean active, Instant now) {
        bump(h);
        h.createUpdate("UPDATE automation_smart_campaigns SET active = :active, updated_at = :now WHERE id = :id")
                .bind("id", id).bind("active", active).bind("now", now).execute();
    }

    /** Sets or clears a batch campaign's recurrence. */
    public void setRecurrence(Handle h, long id, Recurrence recurrence, Instant now) {
        bump(h);
        String json = recurrence == null ? null : write(RecurrenceJson.write(recurrence));
        h.createUpdate("UPDATE automation_smart_campaigns SET recurrence = :recurrence, updated_at = :now WHERE id = :id")
                .bind("id", id).bind("recurrence", json).bind("now", now).execute();
    }

    /** Deletes a campaign with its runs, qualifications and schedules; false when it did not exist. */
    public boolean delete(Handle h, long id) {
        bump(h);
        h.createUpdate("DELETE FROM automation_step_log WHERE campaign_id = :id").bind("id", id).execute();
        return h.createUpdate("DELETE FROM automation_smart_campaigns WHERE id = :id").bind("id", id).execute() > 0;
    }

    private static SmartCampaign campaign(ResultSet rs) throws SQLException {
        RulesReader.Rules rules = RulesReader.read(read(rs.getString("rules")));
        List<FlowStep> flow = FlowReader.read(read(rs.getString("flow")));
        long program = rs.getLong("program_id");
        Long programId = rs.wasNull() ? null : program;
        return new SmartCampaign(rs.getLong("id"), rs.getString("name"), rs.getString("description"), programId,
                rules.smartList(), flow, rules.qualification(), rs.getBoolean("active"),
                recurrence(rs.getString("recurrence")), instant(rs, "created_at"), instant(rs, "updated_at"));
    }

    private static Recurrence recurrence(String json) {
        if (json == null) {
            return null;
        }
        JsonNode node = read(json);
        return RecurrenceJson.read(node, Instant.parse(node.get("startAt").asText()),
                node.hasNonNull("endAt") ? Instant.parse(node.get("endAt").asText()) : null);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored smart campaign document is not JSON", e);
        }
    }

    private static String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
