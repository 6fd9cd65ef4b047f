package dev.tandem.server.automation.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.core.automation.Recurrence;
import dev.tandem.core.token.TokenText;
import dev.tandem.server.TandemApp;
import dev.tandem.server.automation.AutomationEngine;
import dev.tandem.server.automation.CampaignService;
import dev.tandem.server.automation.batch.BatchRun;
import dev.tandem.server.automation.document.DocumentWriter;
import dev.tandem.server.automation.document.RecurrenceJson;
import dev.tandem.server.automation.filter.CampaignMemberships;
import dev.tandem.server.automation.filter.MirrorCampaignMemberships;
import dev.tandem.server.automation.flow.SalesforceSteps;
import dev.tandem.server.automation.flow.StepLogEntry;
import dev.tandem.server.automation.flow.salesforce.SalesforceFlowActions;
import dev.tandem.server.automation.model.CampaignType;
import dev.tandem.server.automation.model.SmartCampaign;
import dev.tandem.server.automation.token.ProgramTokens;
import dev.tandem.server.http.ApiException;
import dev.tandem.server.http.ErrorCode;
import dev.tandem.server.http.Requests;
import dev.tandem.server.http.Responses;
import dev.tandem.server.http.TandemModule;
import dev.tandem.server.store.Page;
import dev.tandem.server.sync.secrets.SecretKeySource;
import dev.tandem.server.sync.settings.SalesforceConnectionStore;
import dev.tandem.server.sync.settings.SalesforceConnections;
import dev.tandem.server.sync.settings.SyncSettingsService;
import io.javalin.Javalin;
import io.javalin.http.Context;
import org.jdbi.v3.core.Jdbi;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.tandem.server.automation.api.Guarded.guard;

/**
 * Smart campaigns over HTTP: Marketo's asset endpoints ({@code /rest/asset/v1/smartCampaigns.json},
 * {@code smartCampaign/{id}.json}, activate, deactivate, delete), the campaign request and schedule endpoints
 * ({@code /rest/v1/campaigns/{id}/trigger.json}, {@code schedule.json}) and Tandem's rule and flow documents under
 * {@code /rest/tandem/v1/smartCampaigns/{id}/}. Runs the automation engine's worker between start and stop.
 */
public final class AutomationModule implements TandemModule {

    private static final int MAX_RETURN = 200;
    private static final DateTimeFormatter RUN_AT = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME).optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd().toFormatter();

    private final ObjectMapper json;
    private final Requests requests;
    private final AutomationEngine engine;
    private final CampaignService campaigns;
    private final boolean background;
    private final ProgramTokens programTokens;
    private final TokenRoutes tokens;

    /** The module over the app's services, running its worker in the background. */
    public AutomationModule(TandemApp.Services services, CampaignMemberships campaignMemberships,
                            SalesforceSteps salesforce) {
        this(services, campaignMemberships, salesforce, true);
    }

    /**
     * The module over the app's services, with the given Salesforce actions and campaign membership source.
     *
     * @param background whether {@link #start()} runs the worker; without it, work happens only when the engine is
     *                   driven by hand ({@link AutomationEngine#drain()}), which tests use to be deterministic
     */
    public AutomationModule(TandemApp.Services services, CampaignMemberships campaignMemberships,
                            SalesforceSteps salesforce, boolean background) {
        this.background = background;
        this.json = services.json();
        this.requests = new Requests(json);
        ZoneId zone = services.config().timeZone();
        this.engine = new AutomationEngine(services.database().jdbi(), services.activityLog(), services.memberships(),
                services.clock(), zone, campaignMemberships, salesforce, Duration.ofMillis(200), services.nodeId());
        this.campaigns = new CampaignService(services.database().jdbi(), services.clock(), zone,
                services.activityLog(), engine.queue());
        this.programTokens = new ProgramTokens(services.database().jdbi(), services.clock());
        this.tokens = new TokenRoutes(programTokens);
        services.programs().addListener(campaigns::programChanged);
    }

    /**
     * The module as a server runs it: Salesforce flow actions through the stored connection (the campaign sync's
     * {@link SalesforceConnections}, settings and mirror), filters reading the sync's campaign member mirror.
     *
     * @param background whether the worker runs in the background (see the full constructor)
     */
    public static AutomationModule withSalesforce(TandemApp.Services services, boolean background) {
        Jdbi jdbi = services.database().jdbi();
        SyncSettingsService settings = new SyncSettingsService(jdbi, services.clock());
        // Same stored connection and key as the sync's own module; the client is rebuilt when the row changes.
        SalesforceConnections connections = new SalesforceConnections(new SalesforceConnectionStore(jdbi,
                SecretKeySource.lazyCipher(services.config().secretKey().orElse(null), services.config().dataDir())), settings,
                services.metrics());
        SalesforceSteps steps = new SalesforceFlowActions(jdbi, services.clock(), connections::client, settings,
                services.activityLog(), services.memberships(), services.nodeId());
        return new AutomationModule(services, new MirrorCampaignMemberships(), steps, background);
    }

    /** The engine (tests and the CLI drain it). */
    public AutomationEngine engine() {
        return engine;
    }

    /** The campaign service, for embedding code. */
    public CampaignService campaigns() {
        return campaigns;
    }

    /** Programs' My Tokens, for the console. */
    public ProgramTokens programTokens() {
        return programTokens;
    }

    @Override
    public String name() {
        return "automation";
    }

    @Override
    public void routes(Javalin app) {
        app.get("/rest/asset/v1/smartCampaigns.json", guard(this::browse));
        app.post("/rest/asset/v1/smartCampaigns.json", guard(this::create));
        app.get("/rest/asset/v1/smartCampaign/byName.json", guard(this::byName));
        app.get("/rest/asset/v1/smartCampaign/{id}.json", guard(ctx -> one(ctx, campaign(ctx))));
        app.post("/rest/asset/v1/smartCampaign/{id}.json", guard(this::update));
        app.post("/rest/asset/v1/smartCampaign/{id}/activate.json",
                guard(ctx -> idResult(ctx, campaigns.activate(id(ctx)).id())));
        app.post("/rest/asset/v1/smartCampaign/{id}/deactivate.json",
                guard(ctx -> idResult(ctx, campaigns.deactivate(id(ctx)).id())));
        app.post("/rest/asset/v1/smartCampaign/{id}/delete.json", guard(ctx -> {
            long id = id(ctx);
            campaigns.delete(id);
            idResult(ctx, id);
        }));
        app.post("/rest/v1/campaigns/{id}/trigger.json", guard(this::trigger));
        app.post("/rest/v1/campaigns/{id}/schedule.json", guard(this::schedule));
        app.get("/rest/tandem/v1/smartCampaigns/{id}/rules.json", guard(ctx -> rules(ctx, campaign(ctx))));
        app.post("/rest/tandem/v1/smartCampaigns/{id}/rules.json",
                guard(ctx -> rules(ctx, campaigns.saveRules(id(ctx), requests.jsonBody(ctx)))));
        app.get("/rest/tandem/v1/smartCampaigns/{id}/flow.json", guard(ctx -> flow(ctx, campaign(ctx))));
        app.post("/rest/tandem/v1/smartCampaigns/{id}/flow.json",
                guard(ctx -> flow(ctx, campaigns.saveFlow(id(ctx), requests.jsonBody(ctx)))));
        app.post("/rest/tandem/v1/smartCampaigns/{id}/runNow.json",
                guard(ctx -> run(ctx, campaigns.runNow(id(ctx), null))));
        app.post("/rest/tandem/v1/smartCampaigns/{id}/recurrence.json", guard(this::recur));
        app.get("/rest/tandem/v1/smartCampaigns/{id}/log.json", guard(this::log));
        app.get("/rest/tandem/v1/smartCampaigns/{id}/runs.json",
                guard(ctx -> Responses.ok(ctx, campaigns.runs(id(ctx)).stream().map(AutomationModule::run).toList())));
        tokens.routes(app);
    }

    @Override
    public void start() {
        engine.resumeAfterRestart();
        campaigns.indexSalesforceReferences();
        if (background) {
            engine.start();
        }
    }

    @Override
    public void stop() {
        engine.close();
    }

    private void browse(Context ctx) {
        int maxReturn = Requests.intParam(ctx, "maxReturn", 20, 1, MAX_RETURN);
        int offset = Requests.intParam(ctx, "offset", 0, 0, Integer.MAX_VALUE);
        String isActive = Requests.param(ctx, "isActive");
        Boolean active = null;
        if (isActive != null && !isActive.isBlank()) {
            if (!isActive.equalsIgnoreCase("true") && !isActive.equalsIgnoreCase("false")) {
                throw ApiException.invalid("isActive", "must be true or false, got '" + isActive + "'");
            }
            active = Boolean.parseBoolean(isActive);
        }
        List<SmartCampaign> page = campaigns.browse(active, maxReturn, offset);
        if (page.isEmpty()) {
            Responses.ok(ctx, List.of());
            return;
        }
        Responses.ok(ctx, page.stream().map(this::represent).toList());
    }

    private void log(Context ctx) {
        String lead = Requests.param(ctx, "leadId");
        Long personId = lead == null || lead.isBlank() ? null : Requests.parseLong("leadId", lead);
        int batchSize = Requests.intParam(ctx, "batchSize", CampaignService.MAX_LOG_PAGE, 1,
                CampaignService.MAX_LOG_PAGE);
        Page<StepLogEntry> page = campaigns.log(id(ctx), personId, batchSize, Requests.param(ctx, "nextPageToken"));
        Responses.page(ctx, page.items().stream().map(AutomationModule::entry).toList(), page.moreResult(),
                page.nextPageToken());
    }

    private static Map<String, Object> entry(StepLogEntry e) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", e.id());
        out.put("leadId", e.personId());
        out.put("step", e.stepIndex() + 1);
        out.put("action", e.action());
        out.put("outcome", e.outcome().name().toLowerCase());
        out.put("reason", e.reason());
        out.put("occurredAt", e.occurredAt());
        return out;
    }

    private void byName(Context ctx) {
        String name = Requests.requiredParam(ctx, "name");
        List<SmartCampaign> found = campaigns.byName(name.trim());
        if (found.isEmpty()) {
            throw new ApiException(ErrorCode.NO_DATA_FOUND,
                    "No data found for given search scenario: no smart campaign named '" + name + "'");
        }
        Responses.ok(ctx, found.stream().map(this::represent).toList());
    }

    private void create(Context ctx) {
        Requests.requireForm(ctx);
        String name = Requests.requiredParam(ctx, "name");
        String folder = Requests.requiredParam(ctx, "folder");
        Long programId = program(folder);
        SmartCampaign created = campaigns.create(name, Requests.param(ctx, "description"), programId);
        one(ctx, created);
    }

    private void update(Context ctx) {
        Requests.requireForm(ctx);
        String name = Requests.param(ctx, "name");
        String description = Requests.param(ctx, "description");
        if (name == null && description == null) {
            throw ApiException.blank("name");
        }
        one(ctx, campaigns.update(id(ctx), name, description));
    }

    // Tandem has no folders: a campaign lives in a program ({"type":"Program"}) or at the top level ("Folder").
    private Long program(String folder) {
        JsonNode node;
        try {
            node = json.readTree(folder);
        } catch (JsonProcessingException e) {
            throw ApiException.invalid("folder", "must be JSON such as {\"id\":1044,\"type\":\"Program\"}");
        }
        if (node == null || !node.isObject() || !node.path("id").canConvertToLong() || !node.path("type").isTextual()) {
            throw ApiException.invalid("folder", "must be JSON such as {\"id\":1044,\"type\":\"Program\"}");
        }
        String type = node.get("type").asText();
        if (type.equalsIgnoreCase("Program")) {
            return node.get("id").asLong();
        }
        if (type.equalsIgnoreCase("Folder")) {
            return null;
        }
        throw ApiException.invalid("folder.type", "must be Program or Folder, got '" + type + "'");
    }

    private void trigger(Context ctx) {
        long id = id(ctx);
        JsonNode input = input(requests.jsonBody(ctx), true);
        JsonNode leads = input.get("leads");
        if (leads == null || !leads.isArray() || leads.isEmpty()) {
            throw ApiException.blank("input.leads");
        }
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < leads.size(); i++) {
            JsonNode lead = leads.get(i).get("id");
            if (lead == null || !lead.canConvertToLong()) {
                throw ApiException.invalid("input.leads[" + i + "].id", "must be a lead id");
            }
            ids.add(lead.asLong());
        }
        campaigns.request(id, ids, tokens(input));
        engine.nudge();
        idResult(ctx, id);
    }

    private void schedule(Context ctx) {
        long id = id(ctx);
        JsonNode input = ctx.body().isBlank() ? json.createObjectNode() : input(requests.jsonBody(ctx), false);
        if (input.hasNonNull("cloneToProgram")) {
            throw ApiException.invalid("input.cloneToProgram", "cloning is not supported by Tandem");
        }
        Instant runAt = null;
        if (input.hasNonNull("runAt")) {
            runAt = instant("input.runAt", input.get("runAt").asText());
        }
        campaigns.schedule(id, runAt, tokens(input));
        idResult(ctx, id);
    }

    private void recur(Context ctx) {
        JsonNode body = requests.jsonBody(ctx);
        if (!body.isObject()) {
            throw ApiException.invalid("recurrence", "must be a JSON object");
        }
        Instant startAt = instant("startAt", Requests.requiredText(body, "startAt"));
        Instant endAt = body.hasNonNull("endAt") ? instant("endAt", body.get("endAt").asText()) : null;
        Recurrence recurrence = RecurrenceJson.read(body, startAt, endAt);
        run(ctx, campaigns.recur(id(ctx), recurrence));
    }

    private JsonNode input(JsonNode body, boolean required) {
        JsonNode input = body.get("input");
        if (input == null || input.isNull()) {
            if (required) {
                throw ApiException.blank("input");
            }
            return json.createObjectNode();
        }
        if (!input.isObject()) {
            throw ApiException.invalid("input", "must be an object");
        }
        return input;
    }

    /** The tokens as stored JSON; each needs a {{my.name}} name and a value. */
    private String tokens(JsonNode input) {
        JsonNode tokens = input.get("tokens");
        if (tokens == null || tokens.isNull()) {
            return null;
        }
        if (!tokens.isArray()) {
            throw ApiException.invalid("input.tokens", "must be an array of {\"name\",\"value\"}");
        }
        if (tokens.size() > CampaignService.MAX_TOKENS) {
            throw ApiException.invalid("input.tokens", "at most " + CampaignService.MAX_TOKENS + " tokens, got "
                    + tokens.size());
        }
        for (int i = 0; i < tokens.size(); i++) {
            String name = tokens.get(i).path("name").asText("");
            if (!name.matches("\\{\\{my\\.[^{}]+}}")) {
                throw ApiException.invalid("input.tokens[" + i + "].name", "must look like {{my.name}}, got '" + name
                        + "'");
            }
            try {
                TokenText.nameOf(name);
            } catch (IllegalArgumentException e) {
                throw ApiException.invalid("input.tokens[" + i + "].name", e.getMessage());
            }
            if (!tokens.get(i).has("value")) {
                throw ApiException.blank("input.tokens[" + i + "].value");
            }
        }
        return tokens.toString();
    }

    private static Instant instant(String field, String text) {
        try {
            OffsetDateTime parsed = OffsetDateTime.parse(text.trim(), RUN_AT);
            return parsed.toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(text.trim());
            } catch (DateTimeParseException again) {
                throw new ApiException(ErrorCode.INVALID_DATA, "Invalid value for '" + field + "': '" + text
                        + "' is not a date-time such as 2026-12-01T09:00:00+0000");
            }
        }
    }

    private SmartCampaign campaign(Context ctx) {
        long id = id(ctx);
        return campaigns.get(id).orElseThrow(() -> new ApiException(ErrorCode.NO_DATA_FOUND,
                "No data found for given search scenario: no smart campaign with id " + id));
    }

    private static long id(Context ctx) {
        return Requests.pathId(ctx, "id");
    }

    private Map<String, Object> represent(SmartCampaign c) {
        return CampaignRepresentation.of(c, c.type() == CampaignType.BATCH
                && !campaigns.runs(c.id()).isEmpty());
    }

    private void one(Context ctx, SmartCampaign c) {
        Responses.ok(ctx, List.of(represent(c)));
    }

    private static void idResult(Context ctx, long id) {
        Responses.ok(ctx, List.of(Map.of("id", id)));
    }

    private static void rules(Context ctx, SmartCampaign c) {
        Responses.ok(ctx, List.of(DocumentWriter.rules(c.smartList(), c.qualification())));
    }

    private static void flow(Context ctx, SmartCampaign c) {
        Responses.ok(ctx, List.of(DocumentWriter.flow(c.flow())));
    }

    private static void run(Context ctx, BatchRun run) {
        Responses.ok(ctx, List.of(run(run)));
    }

    private static Map<String, Object> run(BatchRun run) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", run.id());
        out.put("campaignId", run.campaignId());
        out.put("runAt", run.runAt());
        out.put("state", run.state());
        out.put("people", run.people());
        return out;
    }
}
