package dev.tandem.server.store;

import dev.tandem.core.program.PeriodCost;
import dev.tandem.core.program.PeriodCosts;
import dev.tandem.core.program.Program;
import dev.tandem.core.program.ProgramType;
import org.jdbi.v3.core.Handle;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads and writes programs and their period costs. */
public final class ProgramDao {

    private static final String SELECT = "SELECT p.id, p.name, p.description, p.type, c.name AS channel_name, "
            + "p.sfdc_campaign_id, p.sfdc_campaign_name, p.created_at, p.updated_at "
            + "FROM programs p JOIN channels c ON c.id = p.channel_id ";

    /** Stores a new program with its costs and returns its id. */
    public long insert(Handle handle, String name, String description, ProgramType type, long channelId,
                       List<PeriodCost> costs, Instant now) {
        long id = handle.createUpdate("INSERT INTO programs (name, description, type, channel_id, created_at, updated_at) "
                        + "VALUES (:name, :description, :type, :channel, :now, :now)")
                .bind("name", name).bind("description", description).bind("type", type.name())
                .bind("channel", channelId).bind("now", now)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        appendCosts(handle, id, costs);
        return id;
    }

    /** The program with this id, costs included. */
    public Optional<Program> byId(Handle handle, long id) {
        return withCosts(handle, handle.createQuery(SELECT + "WHERE p.id = :id").bind("id", id)
                .map((rs, ctx) -> row(rs)).list()).stream().findFirst();
    }

    /** The program with exactly this name, costs included. */
    public Optional<Program> byName(Handle handle, String name) {
        return withCosts(handle, handle.createQuery(SELECT + "WHERE p.name = :name").bind("name", name)
                .map((rs, ctx) -> row(rs)).list()).stream().findFirst();
    }

    /** The program linked to this Salesforce campaign. */
    public Optional<Program> bySfdcCampaignId(Handle handle, String campaignId) {
        return withCosts(handle, handle.createQuery(SELECT + "WHERE p.sfdc_campaign_id = :campaign")
                .bind("campaign", campaignId).map((rs, ctx) -> row(rs)).list()).stream().findFirst();
    }

    /** Programs by id with offset browsing, as Marketo's asset API pages (at most 200 a call). */
    public List<Program> list(Handle handle, int limit, int offset) {
        return withCosts(handle, handle.createQuery(SELECT + "ORDER BY p.id LIMIT :limit OFFSET :offset")
                .bind("limit", limit).bind("offset", offset).map((rs, ctx) -> row(rs)).list());
    }

    /** Id of the channel the program uses. */
    public long channelId(Handle handle, long programId) {
        return handle.createQuery("SELECT channel_id FROM programs WHERE id = :id").bind("id", programId)
                .mapTo(Long.class).one();
    }

    /** Locks the program row for the rest of the transaction; false if it does not exist. */
    public boolean lock(Handle handle, long programId) {
        return handle.createQuery("SELECT id FROM programs WHERE id = :id FOR UPDATE").bind("id", programId)
                .mapTo(Long.class).findOne().isPresent();
    }

    /** Whether another program already has this name. */
    public boolean nameTaken(Handle handle, String name, long exceptId) {
        return handle.createQuery("SELECT COUNT(*) FROM programs WHERE name = :name AND id <> :id")
                .bind("name", name).bind("id", exceptId).mapTo(Integer.class).one() > 0;
    }

    /** Sets name and description. */
    public void rename(Handle handle, long id, String name, String description, Instant now) {
        handle.createUpdate("UPDATE programs SET name = :name, description = :description, updated_at = :now "
                        + "WHERE id = :id")
                .bind("id", id).bind("name", name).bind("description", description).bind("now", now).execute();
    }

    /** Replaces all costs of the program. */
    public void replaceCosts(Handle handle, long id, List<PeriodCost> costs, Instant now) {
        handle.createUpdate("DELETE FROM program_costs WHERE program_id = :id").bind("id", id).execute();
        appendCosts(handle, id, costs);
        touch(handle, id, now);
    }

    /** Sets or clears (both null) the linked Salesforce campaign. */
    public void setSfdcCampaign(Handle handle, long id, String campaignId, String campaignName, Instant now) {
        handle.createUpdate("UPDATE programs SET sfdc_campaign_id = :campaign, sfdc_campaign_name = :name, "
                        + "updated_at = :now WHERE id = :id")
                .bind("id", id).bind("campaign", campaignId).bind("name", campaignName).bind("now", now).execute();
    }

    /** Deletes the program; its costs and memberships go with it. */
    public boolean delete(Handle handle, long id) {
        return handle.createUpdate("DELETE FROM programs WHERE id = :id").bind("id", id).execute() == 1;
    }

    private void touch(Handle handle, long id, Instant now) {
        handle.createUpdate("UPDATE programs SET updated_at = :now WHERE id = :id").bind("id", id).bind("now", now)
                .execute();
    }

    private void appendCosts(Handle handle, long programId, List<PeriodCost> costs) {
        if (costs.isEmpty()) {
            return;
        }
        var batch = handle.prepareBatch(
                "INSERT INTO program_costs (program_id, cost_month, amount, note) VALUES (:program, :month, :amount, :note)");
        for (PeriodCost cost : costs) {
            batch.bind("program", programId).bind("month", cost.month().atDay(1)).bind("amount", cost.amount())
                    .bind("note", cost.note()).add();
        }
        batch.execute();
    }

    private List<Program> withCosts(Handle handle, List<Program> programs) {
        if (programs.isEmpty()) {
            return programs;
        }
        Map<Long, List<PeriodCost>> costs = new HashMap<>();
        handle.createQuery("SELECT program_id, cost_month, amount, note FROM program_costs WHERE program_id IN (<ids>) "
                        + "ORDER BY program_id, id")
                .bindList("ids", programs.stream().map(Program::id).toList())
                .map((rs, ctx) -> costs.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                        .add(new PeriodCost(YearMonth.from(rs.getObject(2, LocalDate.class)), rs.getLong(3),
                                rs.getString(4))))
                .list();
        return programs.stream()
                .map(p -> new Program(p.id(), p.name(), p.description(), p.type(), p.channelName(),
                        new PeriodCosts(costs.getOrDefault(p.id(), List.of())), p.sfdcCampaignId(),
                        p.sfdcCampaignName(), p.createdAt(), p.updatedAt()))
                .toList();
    }

    private static Program row(ResultSet rs) throws SQLException {
        return new Program(rs.getLong("id"), rs.getString("name"), rs.getString("description"),
                ProgramType.valueOf(rs.getString("type")), rs.getString("channel_name"), PeriodCosts.none(),
                rs.getString("sfdc_campaign_id"), rs.getString("sfdc_campaign_name"),
                TimeMapping.read(rs, "created_at"), TimeMapping.read(rs, "updated_at"));
    }
}
