package dev.tandem.server.console;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.server.automation.CampaignService;
import dev.tandem.server.automation.document.DocumentWriter;
import dev.tandem.server.automation.model.CampaignType;
import dev.tandem.server.automation.model.SmartCampaign;
import dev.tandem.server.console.auth.Flash;
import dev.tandem.server.console.view.ConsoleQueries;
import dev.tandem.server.console.web.ConsoleRequest;
import dev.tandem.server.console.web.ConsoleRouter;
import dev.tandem.server.domain.DomainException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Smart campaigns: the list, one campaign's rules and flow, and switching a trigger campaign on or off. */
final class SmartCampaignPages {
    static final int MAX_LISTED = 200;

    private final CampaignService campaigns;
    private final ConsoleQueries queries;
    private final ObjectMapper json;

    SmartCampaignPages(CampaignService campaigns, ConsoleQueries queries, ObjectMapper json) {
        this.campaigns = campaigns;
        this.queries = queries;
        this.json = json;
    }

    void install(ConsoleRouter router) {
        router.page("/smart-campaigns", this::list);
        router.page("/smart-campaigns/{campaignId}", this::detail);
        router.action("/smart-campaigns/{campaignId}/activate", request -> toggle(request, true));
        router.action("/smart-campaigns/{campaignId}/deactivate", request -> toggle(request, false));
    }

    private void list(ConsoleRequest request) {
        List<SmartCampaign> all = campaigns.browse(null, MAX_LISTED, 0);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("campaigns", all);
        model.put("types", all.stream().collect(java.util.stream.Collectors.toMap(SmartCampaign::id,
                c -> CampaignType.of(c.smartList()).apiName())));
        model.put("programNames", queries.programNames(all.stream().map(SmartCampaign::programId)
                .filter(Objects::nonNull).distinct().toList()));
        request.render("smart-campaigns.jte", "Smart campaigns", "smart-campaigns", model);
    }

    private void detail(ConsoleRequest request) throws Exception {
        long id = request.pathId("campaignId");
        SmartCampaign campaign = campaigns.get(id)
                .orElseThrow(() -> DomainException.notFound("There is no smart campaign with id " + id + "."));
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("campaign", campaign);
        model.put("type", CampaignType.of(campaign.smartList()).apiName());
        model.put("programName", campaign.programId() == null ? null
                : queries.programNames(List.of(campaign.programId())).get(campaign.programId()));
        model.put("rules", json.writerWithDefaultPrettyPrinter().writeValueAsString(
                DocumentWriter.rules(campaign.smartList(), campaign.qualification())));
        model.put("flow", json.writerWithDefaultPrettyPrinter().writeValueAsString(
                DocumentWriter.flow(campaign.flow())));
        request.render("smart-campaign.jte", campaign.name(), "smart-campaigns", model);
    }

    private void toggle(ConsoleRequest request, boolean on) {
        long id = request.pathId("campaignId");
        SmartCampaign campaign = on ? campaigns.activate(id) : campaigns.deactivate(id);
        request.redirect("/smart-campaigns/" + id, Flash.success("Smart campaign “" + campaign.name() + "” is now "
                + (on ? "active: its triggers listen from now on." : "inactive.")));
    }
}
