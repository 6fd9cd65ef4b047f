package dev.tandem.server.automation.flow.salesforce;

import dev.tandem.core.program.Program;

/**
 * The Salesforce campaign a flow step works on, with the program linked to it (null when none): a linked campaign's
 * changes also go to the sync's mirror and to the program's membership, as if the sync had made them; any other
 * campaign is a watched one (the step names it) and its changes go to the watched campaign's member rows.
 */
record CampaignTarget(String campaignId, Program linkedProgram) {

    /** What activities show as the campaign's name: the linked name, else the id (no extra call to fetch it). */
    String displayName() {
        return linkedProgram != null && linkedProgram.sfdcCampaignName() != null ? linkedProgram.sfdcCampaignName()
                : campaignId;
    }
}
