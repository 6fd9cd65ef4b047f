package dev.tandem.emulator;

import dev.tandem.emulator.org.OrgSettings;
import dev.tandem.emulator.org.UnknownStatusPolicy;
import dev.tandem.emulator.schema.CustomField;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Settings of an emulator instance. Defaults follow a Developer Edition org (15,000 daily API requests, 5 concurrent
 * long-running requests, 2 h session timeout) and the strictest reading of behaviours Salesforce leaves unverified.
 *
 * @param port TCP port on 127.0.0.1; 0 picks a free port
 * @param sessionTimeout inactivity after which an access token stops working
 * @param dailyApiRequestLimit DailyApiRequests Max
 * @param concurrentRequestLimit how many long-running requests may be in flight at once
 * @param longRequestThreshold how long a request runs before it counts as long-running (Salesforce: 20 s)
 * @param jwtPublicKeyPem PEM public key or certificate that JWT bearer assertions must be signed for; null disables
 * @param customFields custom fields added to the standard objects
 * @param seedJson records loaded at start and after every reset, in the control plane's seed format; null for none
 * @param clock base clock of the org (the control plane can freeze and move it)
 * @param unknownMemberStatus what a CampaignMember write with an undefined Status does
 * @param campaignMemberRequiresMarketingUser whether CampaignMember writes need the Marketing User flag
 * @param rollupsBumpCampaignModstamp whether member changes bump Campaign.SystemModstamp
 * @param maxStatusesPerCampaign cap on CampaignMemberStatus rows per campaign
 * @param queryPageSizeCap when positive, query pages never exceed it (to exercise paging with little data)
 * @param bulkProcessingDelay how long a Bulk API 2.0 job waits before it is processed
 * @param replicationSettleDelay how far behind "now" getUpdated/getDeleted report latestDateCovered
 */
public record EmulatorConfig(
        int port,
        Duration sessionTimeout,
        long dailyApiRequestLimit,
        int concurrentRequestLimit,
        Duration longRequestThreshold,
        String jwtPublicKeyPem,
        List<CustomField> customFields,
        String seedJson,
        Clock clock,
        UnknownStatusPolicy unknownMemberStatus,
        boolean campaignMemberRequiresMarketingUser,
        boolean rollupsBumpCampaignModstamp,
        int maxStatusesPerCampaign,
        int queryPageSizeCap,
        Duration bulkProcessingDelay,
        Duration replicationSettleDelay) {

    /** Connected app consumer key accepted by the token endpoint. */
    public static final String CLIENT_ID = "tandem-client-id";
    /** Connected app consumer secret accepted by the token endpoint. */
    public static final String CLIENT_SECRET = "tandem-client-secret";

    public EmulatorConfig {
        customFields = List.copyOf(customFields);
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    /** A random port and Developer Edition defaults. */
    public static EmulatorConfig defaults() {
        return new EmulatorConfig(0, Duration.ofHours(2), 15_000, 5, Duration.ofSeconds(20), null, List.of(), null,
                Clock.systemUTC(), UnknownStatusPolicy.REJECT, true, true, 50, 0, Duration.ZERO, Duration.ZERO);
    }

    public EmulatorConfig withPort(int p) {
        return new EmulatorConfig(p, sessionTimeout, dailyApiRequestLimit, concurrentRequestLimit,
                longRequestThreshold, jwtPublicKeyPem, customFields, seedJson, clock, unknownMemberStatus,
                campaignMemberRequiresMarketingUser, rollupsBumpCampaignModstamp, maxStatusesPerCampaign,
                queryPageSizeCap, bulkProcessingDelay, replicationSettleDelay);
    }

    public EmulatorConfig withSessionTimeout(Duration d) {
        return new EmulatorConfig(port, d, dailyApiRequestLimit, concurrentRequestLimit, longRequestThreshold,
                jwtPublicKeyPem, customFields, seedJson, clock, unknownMemberStatus,
                campaignMemberRequiresMarketingUser, rollupsBumpCampaignModstamp, maxStatusesPerCampaign,
                queryPageSizeCap, bulkProcessingDelay, replicationSettleDelay);
    }

    public EmulatorConfig withDailyApiRequestLimit(long max) {
        return new EmulatorConfig(port, sessionTimeout, max, concurrentRequestLimit, longRequestThreshold,
                jwtPublicKeyPem, customFields, seedJson, clock, unknownMemberStatus,
                campaignMemberRequiresMarketingUser, rollupsBumpCampaignModstamp, maxStatusesPerCampaign,
                queryPageSizeCap, bulkProcessingDelay, replicationSettleDelay);
    }

    public EmulatorConfig withConcurrentRequestLimit(int max, Duration longRequest) {
        return new EmulatorConfig(port, sessionTimeout, dailyApiRequestLimit, max, longRequest, jwtPublicKeyPem,
                customFields, seedJson, clock, unknownMemberStatus, campaignMemberRequiresMarketingUser,
                rollupsBumpCampaignModstamp, maxStatusesPerCampaign, queryPageSizeCap, bulkProcessingDelay,
                replicationSettleDelay);
    }

    /** Accepts JWT bearer assertions verifiable with this PEM ("BEGIN PUBLIC KEY" or "BEGIN CERTIFICATE"). */
    public EmulatorConfig withJwtPublicKeyPem(String pem) {
        return new EmulatorConfig(port, sessionTimeout, dailyApiRequestLimit, concurrentRequestLimit,
                longRequestThreshold, pem, customFields, seedJson, clock, unknownMemberStatus,
                campaignMemberRequiresMarketingUser, rollupsBumpCampaignModstamp, maxStatusesPerCampaign,
                queryPageSizeCap, bulkProcessingDelay, replicationSettleDelay);
    }

    public EmulatorConfig withCustomField(CustomField field) {
        List<CustomField> all = new ArrayList<>(customFields);
        all.add(field);
        return new EmulatorConfig(port, sessionTimeout, dailyApiRequestLimit, concurrentRequestLimit,
                longRequestThreshold, jwtPublicKeyPem, all, seedJson, clock, unknownMemberStatus,
                campaignMemberRequiresMarketingUser, rollupsBumpCampaignModstamp, maxStatusesPerCampaign,
                queryPageSizeCap, bulkProcessingDelay, replicationSettleDelay);
    }

    public EmulatorConfig withSeedJson(String json) {
        return new EmulatorConfig(port, sessionTimeout, dailyApiRequestLimit, concurrentRequestLimit,
                longRequestThreshold, jwtPublicKeyPem, customFields, json, clock, unknownMemberStatus,
                campaignMemberRequiresMarketingUser, rollupsBumpCampaignModstamp, maxStatusesPerCampaign,
                queryPageSizeCap, bulkProcessingDelay, replicationSettleDelay);
    }

    public EmulatorConfig withClock(Clock c) {
        return new EmulatorConfig(port, sessionTimeout, dailyApiRequestLimit, concurrentRequestLimit,
                longRequestThreshold, jwtPublicKeyPem, customFields, seedJson, c, unknownMemberStatus,
                campaignMemberRequiresMarketingUser, rollupsBumpCampaignModstamp, maxStatusesPerCampaign,
                queryPageSizeCap, bulkProcessingDelay, replicationSettleDelay);
    }

    public EmulatorConfig withUnknownMemberStatus(UnknownStatusPolicy policy) {
        return new EmulatorConfig(port, sessionTimeout, dailyApiRequestLimit, concurrentRequestLimit,
                longRequestThreshold, jwtPublicKeyPem, customFields, seedJson, clock, policy,
                campaignMemberRequiresMarketingUser, rollupsBumpCampaignModstamp, maxStatusesPerCampaign,
                queryPageSizeCap, bulkProcessingDelay, replicationSettleDelay);
    }

    public EmulatorConfig withCampaignMemberRequiresMarketingUser(boolean on) {
        return new EmulatorConfig(port, sessionTimeout, dailyApiRequestLimit, concurrentRequestLimit,
                longRequestThreshold, jwtPublicKeyPem, customFields, seedJson, clock, unknownMemberStatus, on,
                rollupsBumpCampaignModstamp, maxStatusesPerCampaign, queryPageSizeCap, bulkProcessingDelay,
                replicationSettleDelay);
    }

    public EmulatorConfig withRollupsBumpCampaignModstamp(boolean on) {
        return new EmulatorConfig(port, sessionTimeout, dailyApiRequestLimit, concurrentRequestLimit,
                longRequestThreshold, jwtPublicKeyPem, customFields, seedJson, clock, unknownMemberStatus,
                campaignMemberRequiresMarketingUser, on, maxStatusesPerCampaign, queryPageSizeCap,
                bulkProcessingDelay, replicationSettleDelay);
    }

    public EmulatorConfig withMaxStatusesPerCampaign(int max) {
        return new EmulatorConfig(port, sessionTimeout, dailyApiRequestLimit, concurrentRequestLimit,
                longRequestThreshold, jwtPublicKeyPem, customFields, seedJson, clock, unknownMemberStatus,
                campaignMemberRequiresMarketingUser, rollupsBumpCampaignModstamp, max, queryPageSizeCap,
                bulkProcessingDelay, replicationSettleDelay);
    }

    public EmulatorConfig withQueryPageSizeCap(int cap) {
        return new EmulatorConfig(port, sessionTimeout, dailyApiRequestLimit, concurrentRequestLimit,
                longRequestThreshold, jwtPublicKeyPem, customFields, seedJson, clock, unknownMemberStatus,
                campaignMemberRequiresMarketingUser, rollupsBumpCampaignModstamp, maxStatusesPerCampaign, cap,
                bulkProcessingDelay, replicationSettleDelay);
    }

    public EmulatorConfig withBulkProcessingDelay(Duration d) {
        return new EmulatorConfig(port, sessionTimeout, dailyApiRequestLimit, concurrentRequestLimit,
                longRequestThreshold, jwtPublicKeyPem, customFields, seedJson, clock, unknownMemberStatus,
                campaignMemberRequiresMarketingUser, rollupsBumpCampaignModstamp, maxStatusesPerCampaign,
                queryPageSizeCap, d, replicationSettleDelay);
    }

    public EmulatorConfig withReplicationSettleDelay(Duration d) {
        return new EmulatorConfig(port, sessionTimeout, dailyApiRequestLimit, concurrentRequestLimit,
                longRequestThreshold, jwtPublicKeyPem, customFields, seedJson, clock, unknownMemberStatus,
                campaignMemberRequiresMarketingUser, rollupsBumpCampaignModstamp, maxStatusesPerCampaign,
                queryPageSizeCap, bulkProcessingDelay, d);
    }

    /** The org behaviour switches carried by this configuration. */
    public OrgSettings orgSettings() {
        return new OrgSettings(unknownMemberStatus, campaignMemberRequiresMarketingUser, rollupsBumpCampaignModstamp,
                maxStatusesPerCampaign);
    }
}
