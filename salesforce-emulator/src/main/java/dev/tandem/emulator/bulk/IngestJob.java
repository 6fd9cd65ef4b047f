package dev.tandem.emulator.bulk;

import dev.tandem.emulator.org.Principal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A Bulk API 2.0 ingest job and, once processed, its result rows. */
final class IngestJob {
    final String id;
    final String object;
    final String operation;
    final String externalIdFieldName;
    final char delimiter;
    final String columnDelimiter;
    final String lineEnding;
    final Principal principal;
    final String version;
    final Instant createdDate;
    volatile String state = "Open";
    volatile Instant systemModstamp;
    volatile String csv;
    volatile String errorMessage;
    volatile int processed;
    volatile int failed;
    volatile long processingMillis;
    List<String> header = List.of();
    final List<List<String>> successful = new ArrayList<>();
    final List<List<String>> failures = new ArrayList<>();
    final List<List<String>> unprocessed = new ArrayList<>();

    IngestJob(String id, String object, String operation, String externalIdFieldName, String columnDelimiter,
              String lineEnding, Principal principal, String version, Instant now) {
        this.id = id;
        this.object = object;
        this.operation = operation;
        this.externalIdFieldName = externalIdFieldName;
        this.columnDelimiter = columnDelimiter;
        this.delimiter = CsvText.delimiter(columnDelimiter);
        this.lineEnding = lineEnding;
        this.principal = principal;
        this.version = version;
        this.createdDate = now;
        this.systemModstamp = now;
    }

    boolean isTerminal() {
        return state.equals("JobComplete") || state.equals("Failed") || state.equals("Aborted");
    }

    String newline() {
        return "CRLF".equals(lineEnding) ? "\r\n" : "\n";
    }
}
