package dev.tandem.server.sync.settings;

import com.fasterxml.jackson.databind.JsonNode;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The campaign sync's global settings, read from the database on every call so that every node of a cluster
 * sees a change at once. Turning campaign sync off pauses every link in the same transaction; turning it on
 * resumes them (the sync engine then continues from its saved cursor).
 */
public final class SyncSettingsService {

    private final Jdbi jdbi;
    private final Clock clock;
    private final List<Consumer<SyncSettings>> listeners = new CopyOnWriteArrayList<>();

    /** Settings kept in {@code jdbi}'s database; {@code clock} stamps updates. */
    public SyncSettingsService(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** The settings now in force. */
    public SyncSettings current() {
        return jdbi.withHandle(this::current);
    }

    /** The settings as seen inside an open transaction. */
    public SyncSettings current(Handle handle) {
        return handle.createQuery("SELECT campaign_sync_enabled, poll_interval_seconds, api_budget_percent,"
                        + " default_lead_last_name, default_lead_company, pull_forward_only, updated_at"
                        + " FROM sync_settings WHERE id = 1")
                .map((rs, ctx) -> new SyncSettings(rs.getBoolean(1), rs.getInt(2), rs.getInt(3), rs.getString(4),
                        rs.getString(5), rs.getBoolean(6), rs.getObject(7, OffsetDateTime.class).toInstant()))
                .one();
    }

    /** Whether campaign sync is switched on. */
    public boolean campaignSyncEnabled() {
        return current().campaignSyncEnabled();
    }

    /** Whether a lower-step status pulled from Salesforce is refused (default false: applied as is). */
    public boolean pullForwardOnly() {
        return current().pullForwardOnly();
    }

    /**
     * Validates and saves a partial update in one transaction; listeners hear of it after the commit.
     *
     * @throws InvalidInputException naming every bad field; nothing is saved then
     */
    public SyncSettings update(JsonNode change) {
        SyncSettings saved = jdbi.inTransaction(handle -> {
            SyncSettings before = current(handle);
            SyncSettings after = SyncSettingsChange.apply(before, change, clock.instant());
            handle.createUpdate("UPDATE sync_settings SET campaign_sync_enabled = :enabled,"
                            + " poll_interval_seconds = :poll, api_budget_percent = :budget,"
                            + " default_lead_last_name = :lastName, default_lead_company = :company,"
                            + " pull_forward_only = :forwardOnly, updated_at = :updatedAt WHERE id = 1")
                    .bind("enabled", after.campaignSyncEnabled())
                    .bind("poll", after.pollIntervalSeconds())
                    .bind("budget", after.apiBudgetPercent())
                    .bind("lastName", after.defaultLeadLastName())
                    .bind("company", after.defaultLeadCompany())
                    .bind("forwardOnly", after.pullForwardOnly())
                    .bind("updatedAt", OffsetDateTime.ofInstant(after.updatedAt(), ZoneOffset.UTC))
                    .execute();
            if (before.campaignSyncEnabled() != after.campaignSyncEnabled()) {
                handle.createUpdate("UPDATE campaign_links SET paused = :paused")
                        .bind("paused", !after.campaignSyncEnabled())
                        .execute();
            }
            return after;
        });
        listeners.forEach(listener -> listener.accept(saved));
        return saved;
    }

    /** Calls {@code listener} after each saved update on this node (e.g. to wake the sync engine). */
    public void onChange(Consumer<SyncSettings> listener) {
        listeners.add(listener);
    }
}
