package dev.tandem.emulator.bulk;

import dev.tandem.emulator.org.Principal;
import dev.tandem.emulator.soql.Ast;
import java.time.Instant;
import java.util.List;

/** A Bulk API 2.0 query job and, once run, its result rows. */
final class QueryJob {
    final String id;
    final String operation;
    final String soql;
    final Ast.Query query;
    final char delimiter;
    final String columnDelimiter;
    final String lineEnding;
    final Principal principal;
    final String version;
    final Instant createdDate;
    volatile String state = "UploadComplete";
    volatile Instant systemModstamp;
    volatile List<String> header = List.of();
    volatile List<List<String>> rows = List.of();
    volatile long processingMillis;

    QueryJob(String id, String operation, String soql, Ast.Query query, String columnDelimiter, String lineEnding,
             Principal principal, String version, Instant now) {
        this.id = id;
        this.operation = operation;
        this.soql = soql;
        this.query = query;
        this.columnDelimiter = columnDelimiter;
        this.delimiter = CsvText.delimiter(columnDelimiter);
        this.lineEnding = lineEnding;
        this.principal = principal;
        this.version = version;
        this.createdDate = now;
        this.systemModstamp = now;
    }

    String newline() {
        return "CRLF".equals(lineEnding) ? "\r\n" : "\n";
    }
}
