package dev.tandem.emulator.http;

import dev.tandem.emulator.org.Principal;
import dev.tandem.emulator.store.Tx;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A REST call after authentication, from HTTP or from a composite subrequest.
 *
 * @param segments path segments after /services/data/vNN.N (e.g. ["sobjects","Campaign","describe"])
 * @param version the version segment, e.g. "v62.0"
 * @param header case-insensitive header lookup (null when absent)
 * @param tx the enclosing transaction for composite allOrNone, or null for an independent call
 * @param recordFault the injected record-level faults for the records this call writes
 */
public record ApiRequest(String method, String version, List<String> segments, Map<String, List<String>> query,
                         Function<String, String> header, byte[] body, Principal principal, Tx tx,
                         RecordFault recordFault) {

    public ApiRequest {
        recordFault = recordFault == null ? RecordFault.NONE : recordFault;
    }

    /** The first value of a query parameter, or null. */
    public String param(String name) {
        List<String> v = query.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    public String segment(int i) {
        return i < segments.size() ? segments.get(i) : null;
    }

    /** The version number as a double (62.0 for "v62.0"). */
    public double versionNumber() {
        return Double.parseDouble(version.substring(1));
    }
}
