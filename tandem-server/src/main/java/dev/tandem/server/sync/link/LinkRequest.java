package dev.tandem.server.sync.link;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.server.sync.settings.FieldError;
import dev.tandem.server.sync.settings.InvalidInputException;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What to link a program to: an existing campaign ({@code {"campaignId":"701…"}}) or a new one
 * ({@code {"create":{"name":"…"}}}); exactly one of the two.
 */
public record LinkRequest(String campaignId, String newCampaignName) {

    /** Salesforce's limit on Campaign.Name. */
    public static final int MAX_CAMPAIGN_NAME = 80;
    private static final Pattern CAMPAIGN_ID = Pattern.compile("701[0-9A-Za-z]{12}([0-9A-Za-z]{3})?");

    /** Whether a new campaign is to be created. */
    public boolean createsCampaign() {
        return newCampaignName != null;
    }

    /**
     * Reads and validates a link body.
     *
     * @throws InvalidInputException naming each bad field
     */
    public static LinkRequest parse(JsonNode body) {
        List<FieldError> errors = new ArrayList<>();
        for (var it = body.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!name.equals("campaignId") && !name.equals("create")) {
                errors.add(FieldError.invalid(name, "is not accepted here (give campaignId or create)"));
            }
        }
        boolean hasId = body.hasNonNull("campaignId");
        boolean hasCreate = body.hasNonNull("create");
        if (hasId == hasCreate) {
            errors.add(hasId
                    ? FieldError.invalid("campaignId", "cannot be combined with create: give one of the two")
                    : FieldError.blank("campaignId"));
            throw new InvalidInputException(errors);
        }
        if (hasId) {
            String id = campaignId(body.get("campaignId"), "campaignId", errors);
            if (!errors.isEmpty()) {
                throw new InvalidInputException(errors);
            }
            return new LinkRequest(id, null);
        }
        JsonNode create = body.get("create");
        String name = null;
        if (!create.isObject()) {
            errors.add(FieldError.invalid("create", "must be an object like {\"name\":\"…\"}"));
        } else {
            JsonNode node = create.get("name");
            if (node == null || node.isNull() || (node.isTextual() && node.textValue().isBlank())) {
                errors.add(FieldError.blank("create.name"));
            } else if (!node.isTextual()) {
                errors.add(FieldError.invalid("create.name", "must be a string"));
            } else if (node.textValue().trim().length() > MAX_CAMPAIGN_NAME) {
                errors.add(FieldError.invalid("create.name", "must be at most " + MAX_CAMPAIGN_NAME + " characters"));
            } else {
                name = node.textValue().trim();
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new LinkRequest(null, name);
    }

    /** Validates a campaign id (a 15- or 18-character Salesforce id with Campaign's 701 prefix). */
    public static String campaignId(JsonNode node, String field, List<FieldError> errors) {
        if (node == null || node.isNull() || (node.isTextual() && node.textValue().isBlank())) {
            errors.add(FieldError.blank(field));
            return null;
        }
        return campaignId(node.isTextual() ? node.textValue() : node.toString(), field, errors);
    }

    /** Validates a campaign id given as text. */
    public static String campaignId(String value, String field, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(FieldError.blank(field));
            return null;
        }
        String id = value.trim();
        if (!CAMPAIGN_ID.matcher(id).matches()) {
            errors.add(FieldError.invalid(field, "must be a Salesforce campaign id (15 or 18 characters starting"
                    + " with 701)"));
            return null;
        }
        return id;
    }
}
