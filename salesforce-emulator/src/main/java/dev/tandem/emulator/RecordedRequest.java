package dev.tandem.emulator;

import java.time.Instant;

/** One request the emulator served, as the control plane's request log reports it. */
public record RecordedRequest(String method, String path, String query, int status, boolean countedAsApiCall,
                              Instant at) {
}
