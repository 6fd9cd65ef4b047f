package dev.tandem.salesforce.write;

import dev.tandem.salesforce.query.Identifiers;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One subrequest of a composite request.
 *
 * @param path        relative to the API version root, e.g. {@code sobjects/Campaign}; may contain
 *                    {@code @{ref.id}} references to earlier subrequests
 * @param referenceId unique name of this subrequest within the composite request
 * @param body        field map for POST/PATCH, null otherwise
 */
public record CompositeRequest(String method, String path, String referenceId, Map<String, ?> body) {
    private static final Pattern REFERENCE = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,79}");

    public CompositeRequest {
        if (!Set.of("GET", "POST", "PATCH", "DELETE").contains(method)) {
            throw new IllegalArgumentException("composite method must be GET, POST, PATCH or DELETE, was " + method);
        }
        if (referenceId == null || !REFERENCE.matcher(referenceId).matches()) {
            throw new IllegalArgumentException("composite referenceId must be a letter followed by letters, digits"
                    + " or underscores: " + referenceId);
        }
        if (path == null || path.isBlank() || path.startsWith("/") || path.contains("..")) {
            throw new IllegalArgumentException("composite path must be relative to the API root, was " + path);
        }
        body = body == null ? null : Map.copyOf(body);
    }

    /** Creates a record of {@code type}. */
    public static CompositeRequest create(String referenceId, String type, Map<String, ?> fields) {
        return new CompositeRequest("POST", "sobjects/" + Identifiers.object(type), referenceId, fields);
    }

    /** Updates the record {@code id} (which may be a reference such as {@code @{camp.id}}). */
    public static CompositeRequest update(String referenceId, String type, String id, Map<String, ?> fields) {
        return new CompositeRequest("PATCH", "sobjects/" + Identifiers.object(type) + "/" + idOrReference(id),
                referenceId, fields);
    }

    public static CompositeRequest delete(String referenceId, String type, String id) {
        return new CompositeRequest("DELETE", "sobjects/" + Identifiers.object(type) + "/" + idOrReference(id),
                referenceId, null);
    }

    /** Reads one record, optionally restricted to some fields. */
    public static CompositeRequest get(String referenceId, String type, String id) {
        return new CompositeRequest("GET", "sobjects/" + Identifiers.object(type) + "/" + idOrReference(id),
                referenceId, null);
    }

    private static String idOrReference(String id) {
        if (id != null && id.matches("@\\{[A-Za-z][A-Za-z0-9_]*\\.[A-Za-z0-9_.\\[\\]]+}")) {
            return id;
        }
        return Identifiers.recordId(id);
    }
}
