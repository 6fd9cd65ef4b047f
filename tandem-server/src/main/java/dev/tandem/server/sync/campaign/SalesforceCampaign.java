package dev.tandem.server.sync.campaign;

import java.util.List;

/**
 * A Salesforce campaign as the link dialog needs it: identity, type, status, how many members it has (from the
 * campaign's own roll-up counters, so no member is read) and its member statuses.
 */
public record SalesforceCampaign(String id, String name, String type, String status, long memberCount,
                                 List<CampaignStatus> statuses) {

    public SalesforceCampaign {
        statuses = List.copyOf(statuses);
    }

    /** The labels of its member statuses. */
    public List<String> labels() {
        return statuses.stream().map(CampaignStatus::label).toList();
    }
}
