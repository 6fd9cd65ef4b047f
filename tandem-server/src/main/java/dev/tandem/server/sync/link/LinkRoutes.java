package dev.tandem.server.sync.link;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.salesforce.error.ErrorKind;
import dev.tandem.salesforce.error.SalesforceException;
import dev.tandem.salesforce.preflight.Diagnosis;
import dev.tandem.server.domain.DomainException;
import dev.tandem.server.http.ApiError;
import dev.tandem.server.http.Envelope;
import dev.tandem.server.http.ErrorCode;
import dev.tandem.server.http.Requests;
import dev.tandem.server.http.Responses;
import dev.tandem.server.sync.campaign.CampaignDirectory;
import dev.tandem.server.sync.campaign.Compatibility;
import dev.tandem.server.sync.campaign.SalesforceRefusedException;
import dev.tandem.server.sync.diagnosis.SyncDiagnosis;
import dev.tandem.server.sync.secrets.SecretUnreadableException;
import dev.tandem.server.sync.settings.FieldError;
import dev.tandem.server.sync.settings.InvalidInputException;
import dev.tandem.server.sync.settings.SalesforceConnectionService;
import dev.tandem.server.sync.settings.SyncSettingsService;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The LINK half's admin resources under {@code /rest/tandem/v1/} (authenticated by the server like every
 * {@code /rest/} route), in Marketo's envelope. Every refusal names the field or the rule; several field problems
 * are reported together, and a refused request has written nothing.
 */
public final class LinkRoutes {

    private static final Logger LOG = LoggerFactory.getLogger(LinkRoutes.class);
    private static final String BASE = "/rest/tandem/v1";
    private static final String PROGRAM = BASE + "/programs/{id}/salesforceCampaign";

    private final Requests requests;
    private final SyncSettingsService settings;
    private final SalesforceConnectionService connection;
    private final SyncDiagnosis diagnosis;
    private final CampaignDirectory directory;
    private final CampaignLinkService links;

    /** Routes over the LINK services. */
    public LinkRoutes(Requests requests, SyncSettingsService settings, SalesforceConnectionService connection,
                      SyncDiagnosis diagnosis, CampaignDirectory directory, CampaignLinkService links) {
        this.requests = requests;
        this.settings = settings;
        this.connection = connection;
        this.diagnosis = diagnosis;
        this.directory = directory;
        this.links = links;
    }

    /** Adds the routes. */
    public void install(Javalin app) {
        app.get(BASE + "/settings/sync.json", guarded(ctx -> Responses.ok(ctx, List.of(settings.current()))));
        app.post(BASE + "/settings/sync.json", guarded(ctx ->
                Responses.ok(ctx, List.of(settings.update(requests.jsonBody(ctx))))));
        app.get(BASE + "/settings/salesforce.json", guarded(ctx -> Responses.ok(ctx, List.of(connection.view()))));
        app.post(BASE + "/settings/salesforce.json", guarded(ctx ->
                Responses.ok(ctx, List.of(connection.update(requests.jsonBody(ctx))))));
        app.get(BASE + "/salesforce/diagnosis.json", guarded(ctx -> Responses.ok(ctx, diagnosis.run())));
        app.get(BASE + "/salesforce/campaigns.json", guarded(this::campaigns));
        app.get(PROGRAM + ".json", guarded(ctx ->
                Responses.ok(ctx, links.linkOf(Requests.pathId(ctx, "id")).stream().toList())));
        app.post(PROGRAM + ".json", guarded(ctx -> {
            long programId = Requests.pathId(ctx, "id");
            LinkRequest request = LinkRequest.parse(requests.jsonBody(ctx));
            Responses.ok(ctx, List.of(links.link(programId, request)));
        }));
        app.get(PROGRAM + "/compatibility.json", guarded(this::compatibility));
        app.post(PROGRAM + "/matchStatuses.json", guarded(this::matchStatuses));
        app.post(PROGRAM + "/delete.json", guarded(ctx ->
                Responses.ok(ctx, List.of(links.unlink(Requests.pathId(ctx, "id"))))));
    }

    private void campaigns(Context ctx) {
        String name = ctx.queryParam("name");
        if (name != null && name.length() > LinkRequest.MAX_CAMPAIGN_NAME) {
            throw new InvalidInputException(FieldError.invalid("name", "must be at most "
                    + LinkRequest.MAX_CAMPAIGN_NAME + " characters"));
        }
        CampaignDirectory.Listing listing = directory.list(name);
        List<Object> warnings = new ArrayList<>();
        for (Diagnosis failed : listing.failedPrerequisites()) {
            warnings.add(failed.check() + ": " + failed.message() + ". Fix: " + failed.fix());
        }
        ctx.json(new Envelope(Responses.requestId(ctx), true, List.of(), warnings, listing.campaigns(), null, null));
    }

    private void compatibility(Context ctx) {
        long programId = Requests.pathId(ctx, "id");
        List<FieldError> errors = new ArrayList<>();
        String campaignId = LinkRequest.campaignId(ctx.queryParam("campaignId"), "campaignId", errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        Responses.ok(ctx, List.of(view(campaignId, links.compatibility(programId, campaignId))));
    }

    private void matchStatuses(Context ctx) {
        long programId = Requests.pathId(ctx, "id");
        JsonNode body = requests.jsonBody(ctx);
        List<FieldError> errors = new ArrayList<>();
        body.fieldNames().forEachRemaining(name -> {
            if (!name.equals("campaignId") && !name.equals("map")) {
                errors.add(FieldError.invalid(name, "is not accepted here (give campaignId and map)"));
            }
        });
        String campaignId = LinkRequest.campaignId(body.get("campaignId"), "campaignId", errors);
        Map<String, String> map = new LinkedHashMap<>();
        JsonNode mapNode = body.get("map");
        if (mapNode != null && !mapNode.isNull()) {
            if (!mapNode.isObject()) {
                errors.add(FieldError.invalid("map", "must be an object of campaign status to channel status"));
            } else {
                mapNode.fields().forEachRemaining(e -> {
                    if (e.getValue().isTextual() && !e.getValue().textValue().isBlank()) {
                        map.put(e.getKey(), e.getValue().textValue());
                    } else {
                        errors.add(FieldError.invalid("map." + e.getKey(), "must name a channel status"));
                    }
                });
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        CampaignLinkService.MatchResult result = links.matchStatuses(programId, campaignId, map);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("campaignId", result.campaignId());
        out.put("createdStatuses", result.createdStatuses());
        out.put("movedMembers", result.movedMembers());
        out.put("deletedStatuses", result.deletedStatuses());
        out.put("statusesNotDeleted", result.statusesNotDeleted());
        out.put("compatibility", view(campaignId, result.compatibility()));
        Responses.ok(ctx, List.of(out));
    }

    private static Map<String, Object> view(String campaignId, Compatibility compatibility) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("campaignId", campaignId);
        out.put("compatible", compatibility.compatible());
        out.put("offending", compatibility.offending());
        out.put("missing", compatibility.missing());
        return out;
    }

    /** Turns every refusal of these resources into an envelope; anything else is left to the server. */
    private static Handler guarded(Handler handler) {
        return ctx -> {
            try {
                handler.handle(ctx);
            } catch (InvalidInputException e) {
                fail(ctx, e.errors().stream().map(f -> new ApiError(f.code(), f.message())).toList());
            } catch (DomainException e) {
                fail(ctx, List.of(new ApiError(e.code(), e.getMessage())));
            } catch (SecretUnreadableException e) {
                fail(ctx, List.of(ErrorCode.BUSINESS_RULE_VIOLATION.error(e.getMessage())));
            } catch (SalesforceRefusedException e) {
                fail(ctx, List.of(ErrorCode.BUSINESS_RULE_VIOLATION.error(e.getMessage() + ". GET " + BASE
                        + "/salesforce/diagnosis.json checks the sync user's permissions.")));
            } catch (SalesforceException e) {
                LOG.warn("Salesforce call failed in {} {}: {} {}", ctx.method(), ctx.path(), e.errorCode(),
                        e.errorMessage());
                // 608: "API temporarily unavailable" for what a retry later may cure; 709 for what needs fixing first.
                boolean later = e.kind() == ErrorKind.RETRYABLE || e.kind() == ErrorKind.LIMIT;
                ErrorCode code = later ? ErrorCode.API_TEMPORARILY_UNAVAILABLE : ErrorCode.BUSINESS_RULE_VIOLATION;
                fail(ctx, List.of(code.error("Salesforce error " + e.errorCode() + ": " + e.errorMessage()
                        + ". GET " + BASE + "/salesforce/diagnosis.json checks the connection.")));
            }
        };
    }

    private static void fail(Context ctx, List<ApiError> errors) {
        ctx.status(200).json(new Envelope(Responses.requestId(ctx), false, errors, List.of(), null, null, null));
    }
}
