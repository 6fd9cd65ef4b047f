package dev.tandem.salesforce.query;

import java.util.regex.Pattern;

/** Validates sObject and field names so that only well-formed identifiers ever reach a SOQL string or URL. */
public final class Identifiers {
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,79}");
    private static final Pattern RECORD_ID = Pattern.compile("[A-Za-z0-9]{15}([A-Za-z0-9]{3})?");
    /** SOQL allows at most five levels in a relationship path. */
    private static final int MAX_PATH_DEPTH = 5;

    private Identifiers() {
    }

    /** An sObject name such as {@code CampaignMember} or {@code Sync_Log__c}. */
    public static String object(String name) {
        if (name == null || !NAME.matcher(name).matches() || name.endsWith("_") || name.contains("___")) {
            throw new IllegalArgumentException("object name is not a valid Salesforce identifier: "
                    + quote(name));
        }
        return name;
    }

    /** A field name or relationship path such as {@code Campaign.Owner.Email}. */
    public static String field(String path) {
        if (path == null || path.isEmpty()) {
            throw new IllegalArgumentException("field name is not a valid Salesforce identifier: " + quote(path));
        }
        String[] parts = path.split("\\.", -1);
        if (parts.length > MAX_PATH_DEPTH) {
            throw new IllegalArgumentException("field path " + quote(path) + " has more than "
                    + MAX_PATH_DEPTH + " levels");
        }
        for (String part : parts) {
            if (!NAME.matcher(part).matches() || part.endsWith("_") || part.contains("___")) {
                throw new IllegalArgumentException("field name is not a valid Salesforce identifier: "
                        + quote(path));
            }
        }
        return path;
    }

    /** A 15- or 18-character record id. */
    public static String recordId(String id) {
        if (id == null || !RECORD_ID.matcher(id).matches()) {
            throw new IllegalArgumentException("record id must be 15 or 18 letters and digits: " + quote(id));
        }
        return id;
    }

    private static String quote(String s) {
        return s == null ? "null" : "'" + s + "'";
    }
}
