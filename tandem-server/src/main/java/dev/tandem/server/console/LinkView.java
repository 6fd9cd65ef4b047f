package dev.tandem.server.console;

import dev.tandem.salesforce.preflight.Diagnosis;
import dev.tandem.server.sync.campaign.CampaignDirectory;
import dev.tandem.server.sync.campaign.Compatibility;
import dev.tandem.server.sync.link.CampaignLink;

import java.util.List;

/**
 * The Salesforce panel of a program page: the current link, or the link dialog with its campaign list (or the
 * prerequisites that keep it empty) and, once a campaign is picked, how its statuses compare with the channel.
 *
 * @param link        the current link, or null
 * @param dialogOpen  whether the link dialog is shown
 * @param search      the dialog's search text
 * @param campaigns   linkable campaigns matching the search (empty while the dialog is closed)
 * @param failed      prerequisites that fail, which is why the list is empty
 * @param picked      the campaign picked in the dialog, or null
 * @param check       how the picked campaign's statuses compare with the channel, or null
 */
public record LinkView(CampaignLink link, boolean dialogOpen, String search, List<CampaignDirectory.Entry> campaigns,
                       List<Diagnosis> failed, CampaignDirectory.Entry picked, Compatibility check) {

    /** The panel of a linked program or of a closed dialog. */
    static LinkView closed(CampaignLink link) {
        return new LinkView(link, false, "", List.of(), List.of(), null, null);
    }
}
