package dev.tandem.server.console;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.server.automation.CampaignService;
import dev.tandem.server.automation.batch.BatchRun;
import dev.tandem.server.automation.document.DocumentWriter;
import dev.tandem.server.automation.model.CampaignType;
import dev.tandem.server.automation.model.SmartCampaign;
import dev.tandem.server.console.auth.Flash;
import dev.tandem.server.console.view.ConsoleQueries;
import dev.tandem.server.console.view.FlowLogRow;
import dev.tandem.server.console.view.Rows;
import dev.tandem.server.console.web.ConsoleRequest;
import dev.tandem.server.console.web.ConsoleRouter;
import dev.tandem.server.console.web.Forms;
import dev.tandem.server.console.web.Paging;
import dev.tandem.server.console.words.FlowWords;
import dev.tandem.server.console.words.Phrases;
import dev.tandem.server.console.words.ScheduleWords;
import dev.tandem.server.domain.DomainException;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Smart campaigns: the list, one campaign's state, schedule, rules, flow (in words) and flow log, and switching a
 * trigger campaign on or off. Rules, flow and schedule are edited through the REST API; here they are read-only.
 */
final class SmartCampaignPages {
    static final int MAX_LISTED = 200;
    static final int LOG_PER_PAGE = 25;
    /** The flow log's outcome filter: query value to stored outcome. */
    private static final Map<String, String> OUTCOMES = Map.of("done", "DONE", "skipped", "SKIPPED",
            "failed", "FAILED");

    private final CampaignService campaigns;
    private final ConsoleQueries queries;
    private final ObjectMapper json;
    private final ZoneId zone;

    /**
     * @param zone the subscription time zone, in which schedules and wait times are shown
     */
    SmartCampaignPages(CampaignService campaigns, ConsoleQueries queries, ObjectMapper json, ZoneId zone) {
        this.campaigns = campaigns;
        this.queries = queries;
        this.json = json;
        this.zone = zone;
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
        model.put("types", all.stream().collect(Collectors.toMap(SmartCampaign::id,
                c -> CampaignType.of(c.smartList()).apiName())));
        model.put("programNames", queries.programNames(all.stream().map(SmartCampaign::programId)
                .filter(Objects::nonNull).distinct().toList()));
        request.render("smart-campaigns.jte", "Smart campaigns", "smart-campaigns", model);
    }

    private void detail(ConsoleRequest request) throws Exception {
        long id = request.pathId("campaignId");
        SmartCampaign campaign = campaigns.get(id)
                .orElseThrow(() -> DomainException.notFound("There is no smart campaign with id " + id + "."));
        List<BatchRun> runs = campaigns.runs(id);
        List<Long> programIds = new ArrayList<>(FlowWords.programIds(campaign.flow()));
        if (campaign.programId() != null) {
            programIds.add(campaign.programId());
        }
        Map<Long, String> programNames = queries.programNames(programIds.stream().distinct().toList());
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("campaign", campaign);
        model.put("type", campaign.type().apiName());
        model.put("status", campaign.status(!runs.isEmpty()));
        model.put("programName", campaign.programId() == null ? null : programNames.get(campaign.programId()));
        model.put("zone", Phrases.zone(zone));
        model.put("schedule", campaign.type() == CampaignType.BATCH ? schedule(campaign, runs) : null);
        model.put("steps", new FlowWords(zone, programNames).describe(campaign.flow()));
        model.put("rules", json.writerWithDefaultPrettyPrinter().writeValueAsString(
                DocumentWriter.rules(campaign.smartList(), campaign.qualification())));
        model.put("flow", json.writerWithDefaultPrettyPrinter().writeValueAsString(
                DocumentWriter.flow(campaign.flow())));
        putLog(request, id, model);
        request.render("smart-campaign.jte", campaign.name(), "smart-campaigns", model);
    }

    private ScheduleWords schedule(SmartCampaign campaign, List<BatchRun> runs) {
        Instant next = runs.stream().filter(BatchRun::isScheduled).map(BatchRun::runAt).min(Comparator.naturalOrder())
                .orElse(null);
        return ScheduleWords.of(campaign.recurrence(), next, zone);
    }

    private void putLog(ConsoleRequest request, long id, Map<String, Object> model) {
        String wanted = request.query("outcome");
        String filter = wanted == null ? null : wanted.toLowerCase(Locale.ROOT);
        String outcome = filter == null ? null : OUTCOMES.get(filter);
        if (filter != null && outcome == null) {
            throw DomainException.invalid("outcome: '" + wanted + "' is not one of done, skipped, failed");
        }
        Rows<FlowLogRow> probe = queries.flowLog(id, outcome, 0, 0);
        Paging paging = new Paging(Forms.page(request.query("page")), LOG_PER_PAGE, probe.total());
        model.put("log", queries.flowLog(id, outcome, paging.offset(), paging.size()).items());
        model.put("logPaging", paging);
        model.put("logFilter", filter);
        model.put("logUrl", "/smart-campaigns/" + id + (filter == null ? "" : "?outcome=" + filter));
    }

    private void toggle(ConsoleRequest request, boolean on) {
        long id = request.pathId("campaignId");
        SmartCampaign campaign = on ? campaigns.activate(id) : campaigns.deactivate(id);
        request.redirect("/smart-campaigns/" + id, Flash.success("Smart campaign “" + campaign.name() + "” is now "
                + (on ? "active: its triggers listen from now on." : "inactive.")));
    }
}
