package dev.tandem.server.sync.campaign;

import dev.tandem.core.channel.Channel;
import dev.tandem.core.channel.ProgressionStatus;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The CampaignMemberStatus writes that give a campaign its program's channel statuses: rows to create, rows to
 * update and rows to delete, in that order (creating first lets the new default take over before an old default
 * is deleted, which Salesforce refuses otherwise).
 *
 * <p>Rules: every channel member status exists (hidden ones too, since members can still hold them), created with
 * HasResponded = the status is a success, SortOrder after the existing rows in step order; the lowest step is the
 * campaign's default. For a campaign Tandem has just CREATED, the rows Salesforce adds on its own ("Sent",
 * "Responded") are removed unless the channel has a status of that name, in which case they are aligned with it —
 * except that a channel with no success status keeps "Responded", because Salesforce requires one responded status
 * per campaign. For an EXISTING campaign nothing is removed and existing rows keep their responded flag: only the
 * missing statuses are added and the default is moved to the lowest channel status.
 */
public record CampaignStatusPlan(List<Create> creates, List<Update> updates, List<CampaignStatus> deletes) {

    /** A status row to create. */
    public record Create(String label, int sortOrder, boolean isDefault, boolean hasResponded) {
    }

    /** An existing status row to change. */
    public record Update(String id, String label, boolean isDefault, boolean hasResponded) {
    }

    public CampaignStatusPlan {
        creates = List.copyOf(creates);
        updates = List.copyOf(updates);
        deletes = List.copyOf(deletes);
    }

    /** True when the campaign already matches. */
    public boolean isEmpty() {
        return creates.isEmpty() && updates.isEmpty() && deletes.isEmpty();
    }

    /** The plan for a campaign Tandem created a moment ago, whose only rows are Salesforce's own. */
    public static CampaignStatusPlan forNewCampaign(Channel channel, List<CampaignStatus> existing) {
        return plan(channel, existing, true);
    }

    /** The plan for a campaign that existed before the link. */
    public static CampaignStatusPlan forExistingCampaign(Channel channel, List<CampaignStatus> existing) {
        return plan(channel, existing, false);
    }

    private static CampaignStatusPlan plan(Channel channel, List<CampaignStatus> existing, boolean fresh) {
        Map<String, CampaignStatus> byLabel = existing.stream()
                .collect(Collectors.toMap(CampaignStatus::label, Function.identity(), (a, b) -> a));
        String lowest = channel.lowestMemberStatus().name();
        int nextSort = existing.stream().map(CampaignStatus::sortOrder).filter(Objects::nonNull)
                .mapToInt(Integer::intValue).max().orElse(0) + 1;
        List<Create> creates = new ArrayList<>();
        List<Update> updates = new ArrayList<>();
        for (ProgressionStatus status : channel.memberStatuses()) {
            boolean isDefault = status.name().equals(lowest);
            CampaignStatus row = byLabel.get(status.name());
            if (row == null) {
                creates.add(new Create(status.name(), nextSort++, isDefault, status.success()));
                continue;
            }
            boolean responded = fresh ? status.success() : row.hasResponded();
            boolean becomesDefault = isDefault && !row.isDefault();
            if (becomesDefault) {
                // First, so that the campaign never lacks a default while the other rows are written.
                updates.add(0, new Update(row.id(), row.label(), true, responded));
            } else if (responded != row.hasResponded()) {
                updates.add(new Update(row.id(), row.label(), isDefault, responded));
            }
        }
        List<CampaignStatus> deletes = new ArrayList<>();
        if (fresh) {
            Set<String> channelNames = channel.memberStatuses().stream().map(ProgressionStatus::name)
                    .collect(Collectors.toSet());
            boolean channelHasSuccess = channel.memberStatuses().stream().anyMatch(ProgressionStatus::success);
            for (CampaignStatus row : existing) {
                if (channelNames.contains(row.label())) {
                    continue;
                }
                if (row.hasResponded() && !channelHasSuccess) {
                    continue;
                }
                deletes.add(row);
            }
        }
        return new CampaignStatusPlan(creates, updates, deletes);
    }
}
