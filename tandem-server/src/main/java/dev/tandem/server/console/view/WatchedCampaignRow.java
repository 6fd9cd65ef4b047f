package dev.tandem.server.console.view;

import java.time.Instant;
import java.util.List;

/**
 * A watched Salesforce campaign as the sync health page lists it.
 *
 * @param campaignId      the id as Tandem queries it
 * @param linkedProgramId the program that links the campaign now (the link's mirror then holds its members), or null
 * @param name            the campaign's name: as the link recorded it while linked, else as its last full read found
 *                        it; null when neither knows one
 * @param smartCampaigns  the ids of the smart campaigns that name it
 * @param members         how many members Tandem holds for it (0 while linked: the mirror holds them)
 * @param lastPulled      the later of its last full read and the last member change a poll took, or null
 * @param refusedAt       when Salesforce refused to read it (left out of polls until retried), or null
 * @param fullReadDue     whether its members are still to be read in full
 */
public record WatchedCampaignRow(String campaignId, Long linkedProgramId, String name, List<Long> smartCampaigns,
                                 long members, Instant watchedSince, Instant lastPulled, Instant refusedAt,
                                 boolean fullReadDue) {

    public WatchedCampaignRow {
        smartCampaigns = List.copyOf(smartCampaigns);
    }

    /** What the page calls the campaign: its name, or its id while no name is known. */
    public String label() {
        return name == null || name.isBlank() ? campaignId : name;
    }

    /** Refused, linked, full read due, or pulled: what the pull does with the campaign now. */
    public String state() {
        if (refusedAt != null) {
            return "refused";
        }
        if (linkedProgramId != null) {
            return "linked";
        }
        return fullReadDue ? "full read due" : "pulled";
    }
}
