package dev.tandem.server.sync.campaign;

import dev.tandem.core.channel.Channel;
import dev.tandem.core.channel.ProgressionStatus;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The link compatibility rule. Only statuses IN USE by members count against a link, because defined but unused
 * statuses never reach Tandem; comparison is exact and case-sensitive; "Not in Program" is never a member status,
 * so members holding a status by that name are offending too.
 */
public final class StatusCompatibility {

    private StatusCompatibility() {
    }

    /**
     * Compares a campaign with a channel.
     *
     * @param inUse   member count per status label, as held by the campaign's members (zero counts are ignored)
     * @param defined every CampaignMemberStatus label the campaign defines
     */
    public static Compatibility check(Channel channel, Map<String, Long> inUse, Collection<String> defined) {
        Set<String> memberStatuses = channel.memberStatuses().stream().map(ProgressionStatus::name)
                .collect(Collectors.toSet());
        List<OffendingStatus> offending = inUse.entrySet().stream()
                .filter(e -> e.getValue() != null && e.getValue() > 0)
                .filter(e -> !memberStatuses.contains(e.getKey()))
                .map(e -> new OffendingStatus(e.getKey(), e.getValue()))
                .sorted(Comparator.comparing(OffendingStatus::status))
                .toList();
        Set<String> definedSet = Set.copyOf(defined);
        List<String> missing = channel.memberStatuses().stream().map(ProgressionStatus::name)
                .filter(name -> !definedSet.contains(name))
                .toList();
        return new Compatibility(offending, missing);
    }

    /**
     * The refusal a user reads: which program, campaign and channel, each offending status with its member
     * count, and the ways out.
     */
    public static String refusal(String programName, String campaignName, String campaignId, String channelName,
                                 List<OffendingStatus> offending) {
        String statuses = offending.stream()
                .map(o -> "'" + o.status() + "' (" + o.memberCount() + (o.memberCount() == 1 ? " member)" : " members)"))
                .collect(Collectors.joining(", "));
        String example = offending.isEmpty() ? "" : "{\"campaignId\":\"" + campaignId + "\",\"map\":{\""
                + offending.get(0).status() + "\":\"<a status of " + channelName + ">\"}}";
        return "Cannot link program '" + programName + "' to Salesforce campaign '" + campaignName + "' ("
                + campaignId + "): its members hold statuses that channel '" + channelName + "' does not have: "
                + statuses + ". Fix it by one of: (1) link a different campaign; (2) move those members to channel"
                + " statuses and remove the old statuses with POST salesforceCampaign/matchStatuses.json, e.g. "
                + example + "; (3) rename or remove these campaign member statuses in Salesforce; (4) add them"
                + " to channel '" + channelName + "' in Tandem.";
    }
}
