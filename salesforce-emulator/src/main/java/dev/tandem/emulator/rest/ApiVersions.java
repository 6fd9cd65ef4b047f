package dev.tandem.emulator.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.tandem.emulator.http.Json;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The REST API versions served (v31.0 to v66.0) and their release names. */
public final class ApiVersions {
    public static final int OLDEST = 31;
    public static final int LATEST = 66;
    private static final Pattern VERSION = Pattern.compile("v(\\d{2})\\.0");
    private static final String[] SEASONS = {"Spring", "Summer", "Winter"};

    private ApiVersions() {
    }

    /** True for "vNN.0" with NN in the served range. */
    public static boolean isServed(String segment) {
        Matcher m = VERSION.matcher(segment);
        if (!m.matches()) {
            return false;
        }
        int major = Integer.parseInt(m.group(1));
        return major >= OLDEST && major <= LATEST;
    }

    /** The release label of a major version: v62 is Winter '25, v63 Spring '25 (three releases a year). */
    static String label(int major) {
        int k = major - 60;
        int season = Math.floorMod(k, 3);
        int year = 24 + Math.floorDiv(k, 3) + (season == 2 ? 1 : 0);
        return SEASONS[season] + " '" + String.format("%02d", year);
    }

    /** The body of GET /services/data. */
    public static ArrayNode list() {
        ArrayNode arr = Json.MAPPER.createArrayNode();
        for (int v = OLDEST; v <= LATEST; v++) {
            arr.addObject().put("label", label(v)).put("url", "/services/data/v" + v + ".0").put("version", v + ".0");
        }
        return arr;
    }
}
