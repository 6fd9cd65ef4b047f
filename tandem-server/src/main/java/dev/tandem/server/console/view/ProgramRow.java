package dev.tandem.server.console.view;

/** A program as the programs table shows it. */
public record ProgramRow(long id, String name, String type, String channel, long members, long costTotal,
                         String campaignId, String campaignName) {

    /** Whether the program is linked to a Salesforce campaign. */
    public boolean linked() {
        return campaignId != null;
    }
}
