package dev.tandem.salesforce.query;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.salesforce.http.ApiCall;
import dev.tandem.salesforce.http.Json;
import dev.tandem.salesforce.http.Transport;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/** Runs SOQL through {@code /query} and {@code /queryAll}, following {@code nextRecordsUrl} page by page. */
public final class QueryRunner {
    /** Salesforce's accepted range for {@code Sforce-Query-Options: batchSize}. */
    public static final int MIN_BATCH = 200;
    public static final int MAX_BATCH = 2000;
    private static final DateTimeFormatter REPLICATION_DATE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'+00:00'").withZone(ZoneOffset.UTC);
    private final Transport transport;
    private final String dataPath;

    /** @param dataPath {@code /services/data/vNN.N} */
    public QueryRunner(Transport transport, String dataPath) {
        this.transport = transport;
        this.dataPath = dataPath;
    }

    /** Fetches every page, handing each to {@code consumer} before the next one is requested. */
    public QueryStats forEachPage(Soql soql, boolean includeDeleted, int batchSize, Consumer<QueryPage> consumer) {
        Pages pages = new Pages(soql, includeDeleted, batchSize);
        long records = 0;
        long total = 0;
        int count = 0;
        while (pages.hasNext()) {
            QueryPage page = pages.next();
            consumer.accept(page);
            count++;
            records += page.records().size();
            total = page.totalSize();
        }
        return new QueryStats(count, records, total);
    }

    /** A lazy stream: a page is requested only when the previous one has been consumed. */
    public Stream<SObject> stream(Soql soql, boolean includeDeleted, int batchSize) {
        Pages pages = new Pages(soql, includeDeleted, batchSize);
        Iterator<SObject> rows = new Iterator<>() {
            private Iterator<SObject> current = List.<SObject>of().iterator();

            @Override
            public boolean hasNext() {
                while (!current.hasNext() && pages.hasNext()) {
                    current = pages.next().records().iterator();
                }
                return current.hasNext();
            }

            @Override
            public SObject next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return current.next();
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(rows, Spliterator.ORDERED), false);
    }

    /** The count of a {@code SELECT COUNT() ...} statement (its totalSize). */
    public long count(Soql soql) {
        if (!soql.text().startsWith("SELECT COUNT() ")) {
            throw new IllegalArgumentException("count() needs a Soql.selectCount() statement");
        }
        JsonNode body = transport.send(ApiCall.get("query", dataPath + "/query?q=" + encode(soql.text()))).json();
        return body.path("totalSize").asLong();
    }

    /** Ids of records of {@code type} changed in [start, end) (seconds are truncated by Salesforce). */
    public UpdatedIds updated(String type, Instant start, Instant end) {
        JsonNode body = transport.send(ApiCall.get("sobjects/updated", dataPath + "/sobjects/"
                + Identifiers.object(type) + "/updated/?" + window(start, end))).json();
        List<String> ids = new ArrayList<>();
        body.path("ids").forEach(n -> ids.add(n.asText()));
        return new UpdatedIds(ids, instant(body, "latestDateCovered"));
    }

    /** Records of {@code type} deleted in [start, end). */
    public DeletedRecords deleted(String type, Instant start, Instant end) {
        JsonNode body = transport.send(ApiCall.get("sobjects/deleted", dataPath + "/sobjects/"
                + Identifiers.object(type) + "/deleted/?" + window(start, end))).json();
        List<DeletedRecords.Deleted> records = new ArrayList<>();
        for (JsonNode n : body.path("deletedRecords")) {
            records.add(new DeletedRecords.Deleted(n.path("id").asText(),
                    SObject.parseDateTime(n.path("deletedDate").asText(null))));
        }
        return new DeletedRecords(records, instant(body, "earliestDateAvailable"), instant(body, "latestDateCovered"));
    }

    private static String window(Instant start, Instant end) {
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("start " + start + " must be before end " + end);
        }
        return "start=" + encode(REPLICATION_DATE.format(start)) + "&end=" + encode(REPLICATION_DATE.format(end));
    }

    private static Instant instant(JsonNode body, String field) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        return SObject.parseDateTime(n.asText());
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Walks the pages of one query; the locator URL is used as given (it is opaque). */
    private final class Pages implements Iterator<QueryPage> {
        private final String options;
        private String next;
        private int number;

        Pages(Soql soql, boolean includeDeleted, int batchSize) {
            if (batchSize < MIN_BATCH || batchSize > MAX_BATCH) {
                throw new IllegalArgumentException("batchSize must be within " + MIN_BATCH + ".." + MAX_BATCH
                        + ", was " + batchSize);
            }
            this.options = "batchSize=" + batchSize;
            this.next = dataPath + (includeDeleted ? "/queryAll" : "/query") + "?q=" + encode(soql.text());
        }

        @Override
        public boolean hasNext() {
            return next != null;
        }

        @Override
        public QueryPage next() {
            if (next == null) {
                throw new NoSuchElementException();
            }
            String resource = number == 0 ? (next.contains("/queryAll?") ? "queryAll" : "query") : "query/next";
            JsonNode body = transport.send(ApiCall.get(resource, next).withHeader("Sforce-Query-Options", options))
                    .json();
            if (!body.has("records") || !body.has("done")) {
                throw Json.unexpected(resource, "no records/done in the query response");
            }
            boolean done = body.path("done").asBoolean();
            String url = body.path("nextRecordsUrl").asText(null);
            if (!done && (url == null || url.isBlank())) {
                throw Json.unexpected(resource, "done=false without nextRecordsUrl");
            }
            next = done ? null : url;
            number++;
            return new QueryPage(number, SObjectJson.records(body), body.path("totalSize").asLong(), done);
        }
    }
}
