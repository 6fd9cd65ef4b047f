package dev.tandem.server.console;

import dev.tandem.core.program.Program;
import dev.tandem.server.console.auth.Flash;
import dev.tandem.server.console.web.ConsoleRequest;
import dev.tandem.server.console.web.ConsoleRouter;
import dev.tandem.server.console.web.Forms;
import dev.tandem.server.domain.DomainException;
import dev.tandem.server.sync.campaign.CampaignDirectory;
import dev.tandem.server.sync.campaign.Compatibility;
import dev.tandem.server.sync.link.CampaignLink;
import dev.tandem.server.sync.link.CampaignLinkService;
import dev.tandem.server.sync.link.LinkRequest;
import dev.tandem.server.sync.settings.FieldError;
import dev.tandem.server.sync.settings.InvalidInputException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A program's Salesforce panel and its actions: link to an existing or new campaign, match statuses when the
 * campaign uses statuses the channel lacks (then link in the same step), and unlink.
 */
final class LinkPanel {

    private final SyncServices sync;

    LinkPanel(SyncServices sync) {
        this.sync = sync;
    }

    void install(ConsoleRouter router) {
        router.action("/programs/{programId}/link", this::link);
        router.action("/programs/{programId}/link/match", this::matchAndLink);
        router.action("/programs/{programId}/unlink", this::unlink);
    }

    /** The panel for a program page; opens the dialog when the page was asked for it ({@code ?link=open}). */
    LinkView view(Program program, ConsoleRequest request) {
        CampaignLink link = sync.links().linkOf(program.id()).orElse(null);
        if (link != null || !"open".equals(request.query("link"))) {
            return LinkView.closed(link);
        }
        String search = request.query("q");
        CampaignDirectory.Listing listing = sync.directory().list(search);
        String pickedId = request.query("campaign");
        CampaignDirectory.Entry picked = null;
        Compatibility check = null;
        if (pickedId != null) {
            picked = listing.campaigns().stream().filter(c -> c.id().equals(pickedId)).findFirst().orElse(null);
            if (picked != null && picked.programId() == null) {
                check = sync.links().compatibility(program.id(), pickedId);
            }
        }
        return new LinkView(null, true, search == null ? "" : search, listing.campaigns(),
                listing.failedPrerequisites(), picked, check);
    }

    private void link(ConsoleRequest request) {
        long programId = request.pathId("programId");
        String campaignId = Forms.trimmed(request.form("campaignId"));
        String newName = Forms.trimmed(request.form("newCampaignName"));
        LinkRequest linkRequest;
        if (campaignId != null) {
            linkRequest = new LinkRequest(validCampaignId(campaignId), null);
        } else if (newName != null) {
            if (newName.length() > LinkRequest.MAX_CAMPAIGN_NAME) {
                throw new InvalidInputException(FieldError.invalid("campaign name", "must be at most "
                        + LinkRequest.MAX_CAMPAIGN_NAME + " characters"));
            }
            linkRequest = new LinkRequest(null, newName);
        } else {
            throw DomainException.invalid("campaign: pick a campaign, or give a name for a new one");
        }
        CampaignLink link = sync.links().link(programId, linkRequest);
        request.redirect("/programs/" + programId, Flash.success("Linked to Salesforce campaign “"
                + link.campaignName() + "”" + (linkRequest.createsCampaign() ? " (created)" : "")
                + ". The first full sync of its members runs now."));
    }

    private void matchAndLink(ConsoleRequest request) {
        long programId = request.pathId("programId");
        String campaignId = validCampaignId(request.form("campaignId"));
        List<String> from = request.ctx().formParams("from");
        List<String> to = request.ctx().formParams("to");
        if (from.size() != to.size()) {
            throw DomainException.invalid("map: every offending status needs a channel status");
        }
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < from.size(); i++) {
            String target = Forms.trimmed(to.get(i));
            if (target == null) {
                throw DomainException.invalid("map: choose the channel status for “" + from.get(i) + "”");
            }
            map.put(from.get(i), target);
        }
        CampaignLinkService.MatchResult result = sync.links().matchStatuses(programId, campaignId, map);
        if (!result.compatibility().compatible()) {
            request.redirect("/programs/" + programId + "?link=open&campaign=" + ProgramPages.encode(campaignId),
                    Flash.error("Statuses still in use that the channel lacks: " + describe(result.compatibility())
                            + ". Map each of them to a channel status."));
            return;
        }
        CampaignLink link = sync.links().link(programId, new LinkRequest(campaignId, null));
        request.redirect("/programs/" + programId, Flash.success("Matched statuses: moved "
                + result.movedMembers() + " members in Salesforce"
                + (result.createdStatuses().isEmpty() ? "" : ", created " + String.join(", ", result.createdStatuses()))
                + (result.deletedStatuses().isEmpty() ? "" : ", removed " + String.join(", ", result.deletedStatuses()))
                + ". Linked to Salesforce campaign “" + link.campaignName() + "”."));
    }

    private void unlink(ConsoleRequest request) {
        long programId = request.pathId("programId");
        CampaignLink link = sync.links().unlink(programId);
        request.redirect("/programs/" + programId, Flash.success("Unlinked from Salesforce campaign “"
                + link.campaignName() + "”. Nothing was deleted on either side."));
    }

    private static String validCampaignId(String value) {
        List<FieldError> errors = new ArrayList<>();
        String id = LinkRequest.campaignId(value, "campaignId", errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return id;
    }

    private static String describe(Compatibility compatibility) {
        return compatibility.offending().stream()
                .map(o -> "“" + o.status() + "” (" + o.memberCount() + " members)")
                .collect(Collectors.joining(", "));
    }
}
