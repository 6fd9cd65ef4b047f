package dev.tandem.salesforce;

import dev.tandem.salesforce.auth.Session;
import dev.tandem.salesforce.auth.SessionManager;
import dev.tandem.salesforce.auth.TokenClient;
import dev.tandem.salesforce.bulk.BulkIngest;
import dev.tandem.salesforce.bulk.BulkOperation;
import dev.tandem.salesforce.bulk.BulkQuery;
import dev.tandem.salesforce.bulk.BulkQueryStats;
import dev.tandem.salesforce.bulk.BulkResult;
import dev.tandem.salesforce.bulk.JobPoller;
import dev.tandem.salesforce.http.ApiCall;
import dev.tandem.salesforce.http.ClientMetrics;
import dev.tandem.salesforce.http.Sleeper;
import dev.tandem.salesforce.http.Transport;
import dev.tandem.salesforce.limits.ApiBudget;
import dev.tandem.salesforce.limits.ApiUsage;
import dev.tandem.salesforce.preflight.Diagnosis;
import dev.tandem.salesforce.preflight.Preflight;
import dev.tandem.salesforce.preflight.SObjectDescribe;
import dev.tandem.salesforce.query.DeletedRecords;
import dev.tandem.salesforce.query.Identifiers;
import dev.tandem.salesforce.query.QueryPage;
import dev.tandem.salesforce.query.QueryRunner;
import dev.tandem.salesforce.query.QueryStats;
import dev.tandem.salesforce.query.SObject;
import dev.tandem.salesforce.query.Soql;
import dev.tandem.salesforce.query.UpdatedIds;
import dev.tandem.salesforce.write.CollectionsWriter;
import dev.tandem.salesforce.write.CompositeRequest;
import dev.tandem.salesforce.write.CompositeResult;
import dev.tandem.salesforce.write.CompositeRunner;
import dev.tandem.salesforce.write.SaveResult;
import dev.tandem.salesforce.write.WriteOperation;
import dev.tandem.salesforce.write.WriteResults;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;

/**
 * The Salesforce client: one instance per org connection, thread-safe. Logging in is lazy (the first call, or
 * {@link #preflight()}, authenticates) so that a broken connection can still be diagnosed.
 */
public final class SalesforceClient {
    /** Bulk API 2.0 accepts up to 150 MB per upload; staying well below leaves room for encoding overhead. */
    private static final long MAX_UPLOAD_BYTES = 100L * 1024 * 1024;
    private final SalesforceConfig config;
    private final SessionManager sessions;
    private final ApiBudget budget;
    private final Transport transport;
    private final QueryRunner queries;
    private final CollectionsWriter collections;
    private final CompositeRunner composite;
    private final BulkIngest bulkIngest;
    private final BulkQuery bulkQuery;
    private final Preflight preflight;

    private SalesforceClient(Builder b) {
        this.config = b.config;
        ClientMetrics metrics = new ClientMetrics(b.registry);
        HttpClient http = HttpClient.newBuilder().connectTimeout(config.connectTimeout())
                .version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER).build();
        TokenClient tokens = new TokenClient(http, config.loginUrl(), config.credentials(), config.requestTimeout(),
                config.retry(), b.sleeper, b.random, b.clock, metrics);
        this.sessions = new SessionManager(tokens);
        this.budget = new ApiBudget(config.apiBudgetPercent(), config.throttleFromPercentOfBudget(),
                config.maxThrottleDelay(), Duration.ofMinutes(5), b.clock);
        metrics.bind(budget);
        this.transport = new Transport(http, sessions, budget, config.retry(), b.sleeper, b.random, metrics,
                config.requestTimeout());
        String data = config.dataPath();
        this.queries = new QueryRunner(transport, data);
        this.collections = new CollectionsWriter(transport, data, config.retry(), b.sleeper, b.random);
        this.composite = new CompositeRunner(transport, data);
        JobPoller poller = new JobPoller(b.sleeper, config.bulkPollInterval(), config.bulkMaxPollInterval(),
                config.bulkTimeout());
        this.bulkIngest = new BulkIngest(transport, data, poller, MAX_UPLOAD_BYTES);
        this.bulkQuery = new BulkQuery(transport, data, poller);
        this.preflight = new Preflight(sessions, transport, queries, budget, config.apiVersion(), data);
    }

    /** A client with real time and no metrics. */
    public static SalesforceClient connect(SalesforceConfig config) {
        return builder(config).build();
    }

    /** A client publishing its metrics to {@code registry}. */
    public static SalesforceClient connect(SalesforceConfig config, MeterRegistry registry) {
        return builder(config).meterRegistry(registry).build();
    }

    public static Builder builder(SalesforceConfig config) {
        return new Builder(config);
    }

    public SalesforceConfig config() {
        return config;
    }

    // ---- reads ----

    /** Runs {@code soql} via {@code /query}, handing pages of up to {@code batchSize} (200..2000) records. */
    public QueryStats query(Soql soql, int batchSize, Consumer<QueryPage> onPage) {
        return queries.forEachPage(soql, false, batchSize, onPage);
    }

    /** Like {@link #query} but via {@code /queryAll}: deleted and archived rows are included. */
    public QueryStats queryAll(Soql soql, int batchSize, Consumer<QueryPage> onPage) {
        return queries.forEachPage(soql, true, batchSize, onPage);
    }

    /** The rows of {@code soql}, fetched lazily page by page (2000 per page). */
    public Stream<SObject> stream(Soql soql) {
        return queries.stream(soql, false, QueryRunner.MAX_BATCH);
    }

    /** The rows of {@code soql}, fetched lazily with the given page size (200..2000). */
    public Stream<SObject> stream(Soql soql, int batchSize) {
        return queries.stream(soql, false, batchSize);
    }

    /** The rows of {@code soql}, deleted ones included, fetched lazily with the given page size. */
    public Stream<SObject> streamAll(Soql soql, int batchSize) {
        return queries.stream(soql, true, batchSize);
    }

    /** The count of a {@code Soql.selectCount()} statement. */
    public long count(Soql soql) {
        return queries.count(soql);
    }

    /** {@code getUpdated}: ids of {@code type} changed between start and end. */
    public UpdatedIds updated(String type, Instant start, Instant end) {
        return queries.updated(type, start, end);
    }

    /** {@code getDeleted}: records of {@code type} deleted between start and end. */
    public DeletedRecords deleted(String type, Instant start, Instant end) {
        return queries.deleted(type, start, end);
    }

    /** The describe of an object. */
    public SObjectDescribe describe(String type) {
        return SObjectDescribe.of(transport.send(ApiCall.get("sobjects/describe",
                config.dataPath() + "/sobjects/" + Identifiers.object(type) + "/describe")).json());
    }

    // ---- writes ----

    /** Inserts through sObject Collections (200 per call); results by input index. */
    public List<SaveResult> create(String type, List<? extends Map<String, ?>> records) {
        return collections.create(type, records);
    }

    /** Updates (each record carries its Id) through sObject Collections. */
    public List<SaveResult> update(String type, List<? extends Map<String, ?>> records) {
        return collections.update(type, records);
    }

    /** Upserts by an external-id field through sObject Collections. */
    public List<SaveResult> upsert(String type, String externalIdField, List<? extends Map<String, ?>> records) {
        return collections.upsert(type, externalIdField, records);
    }

    /** Deletes by id through sObject Collections. */
    public List<SaveResult> delete(List<String> ids) {
        return collections.delete(ids);
    }

    /** Writes through Collections up to {@code bulkThreshold} records, through Bulk API 2.0 above. */
    public WriteResults write(WriteOperation op, String type, List<? extends Map<String, ?>> records) {
        if (op == WriteOperation.UPSERT) {
            throw new IllegalArgumentException("upsert needs an external id field: use write(op, type, field, records)");
        }
        return write(op, type, null, records);
    }

    /** As {@link #write(WriteOperation, String, List)}, with the external-id field of an upsert. */
    public WriteResults write(WriteOperation op, String type, String externalIdField,
                              List<? extends Map<String, ?>> records) {
        Objects.requireNonNull(records, "records");
        if (op == WriteOperation.UPSERT) {
            if (externalIdField == null) {
                throw new IllegalArgumentException("upsert needs an external id field");
            }
            Identifiers.field(externalIdField);
        }
        if (records.size() > config.bulkThreshold()) {
            BulkResult r = bulkIngest.ingest(BulkOperation.of(op), type, records, externalIdField);
            return new WriteResults(r.results(), WriteResults.Route.BULK, r.jobIds());
        }
        List<SaveResult> results = op == WriteOperation.DELETE
                ? collections.delete(records.stream().map(r -> String.valueOf(idOf(r))).toList())
                : collections.write(op, type, externalIdField, records);
        return new WriteResults(results, WriteResults.Route.COLLECTIONS, List.of());
    }

    private static Object idOf(Map<String, ?> record) {
        for (Map.Entry<String, ?> e : record.entrySet()) {
            if ("Id".equalsIgnoreCase(e.getKey())) {
                return e.getValue();
            }
        }
        return null;
    }

    /** Sends up to 25 subrequests as one call; with {@code allOrNone} they commit together or not at all. */
    public CompositeResult composite(List<CompositeRequest> subrequests, boolean allOrNone) {
        return composite.run(subrequests, allOrNone);
    }

    /** Bulk API 2.0 ingest of any number of records (one job per 100 MB of CSV). */
    public BulkResult bulkIngest(BulkOperation op, String type, List<? extends Map<String, ?>> records) {
        return bulkIngest.ingest(op, type, records, null);
    }

    /** Bulk API 2.0 upsert by an external-id field. */
    public BulkResult bulkIngest(BulkOperation op, String type, String externalIdField,
                                 List<? extends Map<String, ?>> records) {
        return bulkIngest.ingest(op, type, records, externalIdField);
    }

    /** Bulk API 2.0 query; each results page is handed to {@code onPage}. */
    public BulkQueryStats bulkQuery(Soql soql, Consumer<List<SObject>> onPage) {
        return bulkQuery.query(soql, false, 0, onPage);
    }

    /** Bulk API 2.0 query with deleted rows optional and a chosen page size (0 = Salesforce's choice). */
    public BulkQueryStats bulkQuery(Soql soql, boolean includeDeleted, int maxRecordsPerPage,
                                    Consumer<List<SObject>> onPage) {
        return bulkQuery.query(soql, includeDeleted, maxRecordsPerPage, onPage);
    }

    // ---- limits, identity, diagnosis ----

    /** The org's API usage as last reported and Tandem's budget; makes no call. */
    public ApiUsage usage() {
        return budget.usage();
    }

    /** The id of the user the client is logged in as (logs in if needed). */
    public String userId() {
        Session s = sessions.current();
        return s.userId();
    }

    /** Checks everything the sync needs and reports each problem with a fix. */
    public List<Diagnosis> preflight() {
        return preflight.run();
    }

    /** Options beyond the configuration: metrics, and time/randomness for tests. */
    public static final class Builder {
        private final SalesforceConfig config;
        private MeterRegistry registry;
        private Sleeper sleeper = Sleeper.SYSTEM;
        private Clock clock = Clock.systemUTC();
        private RandomGenerator random = new Random();

        private Builder(SalesforceConfig config) {
            this.config = Objects.requireNonNull(config, "config");
        }

        public Builder meterRegistry(MeterRegistry registry) {
            this.registry = registry;
            return this;
        }

        /** How the client waits between retries, while throttled and while polling bulk jobs. */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public Builder random(RandomGenerator random) {
            this.random = Objects.requireNonNull(random, "random");
            return this;
        }

        public SalesforceClient build() {
            return new SalesforceClient(this);
        }
    }
}
