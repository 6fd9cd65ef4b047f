package dev.tandem.emulator.bulk;

import dev.tandem.emulator.error.ApiException;
import dev.tandem.emulator.ids.SalesforceIds;
import dev.tandem.emulator.org.RecordService;
import dev.tandem.emulator.org.WriteContext;
import dev.tandem.emulator.rest.Context;
import dev.tandem.emulator.schema.FieldDef;
import dev.tandem.emulator.schema.ObjectDef;
import dev.tandem.emulator.schema.Values;
import dev.tandem.emulator.store.SRecord;
import dev.tandem.emulator.store.Tx;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies an ingest job's CSV row by row with the same validation as the REST API; each row succeeds or fails on
 * its own. Rows are written in chunks so that other clients are not locked out during a large job.
 */
final class IngestProcessor {
    private static final int CHUNK = 200;

    private final Context ctx;

    IngestProcessor(Context ctx) {
        this.ctx = ctx;
    }

    /** A CSV column: a field, or a parent relationship resolved through one of the parent's external ids. */
    private record Column(FieldDef field, FieldDef parentKey, ObjectDef parent) {
    }

    void process(IngestJob job) {
        if (!job.state.equals("UploadComplete")) {
            return;
        }
        job.state = "InProgress";
        long started = System.currentTimeMillis();
        try {
            run(job);
            job.state = "JobComplete";
        } catch (ApiException e) {
            job.errorMessage = e.getMessage();
            job.state = "Failed";
        } catch (IOException e) {
            job.errorMessage = "InvalidBatch : Failed to parse CSV: " + e.getMessage();
            job.state = "Failed";
        } finally {
            job.processingMillis = System.currentTimeMillis() - started;
            job.systemModstamp = ctx.org().clock().nowSeconds();
        }
    }

    private void run(IngestJob job) throws IOException {
        List<List<String>> rows = CsvText.read(job.csv == null ? "" : job.csv, job.delimiter);
        if (rows.isEmpty()) {
            throw ApiException.badRequest("InvalidBatch", "InvalidBatch : No data uploaded");
        }
        ObjectDef type = ctx.org().schema().object(job.object);
        job.header = rows.get(0);
        List<Column> columns = columns(type, job.header);
        FieldDef key = null;
        if (job.operation.equals("upsert")) {
            key = type.field(job.externalIdFieldName);
            if (key == null || !(key.externalId() || key.name().equals("Id"))) {
                throw ApiException.badRequest("InvalidBatch", "InvalidBatch : Field name provided, "
                        + job.externalIdFieldName + " does not match an External ID, Salesforce Id, or indexed field"
                        + " for " + type.name());
            }
        }
        List<List<String>> data = rows.subList(1, rows.size());
        for (int start = 0; start < data.size(); start += CHUNK) {
            if (job.state.equals("Aborted")) {
                synchronized (job) {
                    job.unprocessed.addAll(data.subList(start, data.size()));
                }
                return;
            }
            List<List<String>> chunk = data.subList(start, Math.min(data.size(), start + CHUNK));
            FieldDef upsertKey = key;
            ctx.org().store().lock().writeLock().lock();
            try {
                WriteContext base = ctx.org().context(job.principal, Tx.root());
                for (List<String> row : chunk) {
                    applyRow(job, type, columns, upsertKey, row, base);
                }
            } finally {
                ctx.org().store().lock().writeLock().unlock();
            }
        }
    }

    private List<Column> columns(ObjectDef type, List<String> header) {
        List<Column> out = new ArrayList<>();
        for (String name : header) {
            int dot = name.indexOf('.');
            if (dot > 0) {
                FieldDef rel = type.relationship(name.substring(0, dot));
                ObjectDef parent = rel == null ? null : ctx.org().schema().object(rel.referenceTo().get(0));
                FieldDef parentKey = parent == null ? null : parent.field(name.substring(dot + 1));
                if (parentKey == null || !(parentKey.externalId() || parentKey.name().equals("Id"))) {
                    throw ApiException.badRequest("InvalidBatch", "InvalidBatch : Field name not found : " + name);
                }
                out.add(new Column(rel, parentKey, parent));
            } else {
                FieldDef f = type.field(name);
                if (f == null) {
                    throw ApiException.badRequest("InvalidBatch", "InvalidBatch : Field name not found : " + name);
                }
                out.add(new Column(f, null, null));
            }
        }
        return out;
    }

    private void applyRow(IngestJob job, ObjectDef type, List<Column> columns, FieldDef key, List<String> row,
                          WriteContext base) {
        Tx tx = base.tx().child();
        WriteContext w = new WriteContext(base.principal(), tx, base.now());
        RecordService records = ctx.org().records();
        List<String> original = pad(row, columns.size());
        String id = null;
        try {
            Map<FieldDef, Object> input = new LinkedHashMap<>();
            for (int i = 0; i < columns.size(); i++) {
                String cell = original.get(i);
                if (cell.isEmpty()) {
                    continue;
                }
                Column c = columns.get(i);
                if (c.field().name().equals("Id")) {
                    id = cell;
                    continue;
                }
                input.put(c.field(), c.parentKey() == null ? Values.fromText(c.field(), cell) : parentId(c, cell));
            }
            String resultId;
            boolean created = false;
            switch (job.operation) {
                case "insert" -> {
                    resultId = records.create(w, type, input).id();
                    created = true;
                }
                case "update" -> {
                    resultId = requireId(type, id);
                    records.update(w, type, resultId, input);
                }
                case "upsert" -> {
                    if (key.name().equals("Id")) {
                        resultId = requireId(type, id);
                        records.update(w, type, resultId, input);
                    } else {
                        Object value = input.get(key);
                        if (value == null) {
                            throw ApiException.badRequest("MISSING_ARGUMENT", key.name() + " not specified",
                                    List.of(key.name()));
                        }
                        RecordService.UpsertOutcome o = records.upsert(w, type, key, value, input);
                        resultId = o.record().id();
                        created = o.created();
                    }
                }
                default -> {
                    resultId = requireId(type, id);
                    records.delete(w, type, resultId);
                }
            }
            tx.commit();
            List<String> result = new ArrayList<>(List.of(resultId, String.valueOf(created)));
            result.addAll(original);
            synchronized (job) {
                job.successful.add(result);
            }
        } catch (ApiException e) {
            tx.rollback();
            List<String> result = new ArrayList<>(List.of(id == null ? "" : id, errorCell(e)));
            result.addAll(original);
            synchronized (job) {
                job.failures.add(result);
                job.failed++;
            }
        }
        job.processed++;
    }

    private static List<String> pad(List<String> row, int size) {
        List<String> out = new ArrayList<>(row);
        while (out.size() < size) {
            out.add("");
        }
        return out.subList(0, size);
    }

    private static String requireId(ObjectDef type, String raw) {
        if (raw == null) {
            throw ApiException.badRequest("MISSING_ARGUMENT", "Id not specified in an update call", List.of());
        }
        String id = SalesforceIds.normalize(raw);
        if (id == null || !id.startsWith(type.keyPrefix())) {
            throw ApiException.badRequest("MALFORMED_ID", type.label() + " ID: id value of incorrect type: " + raw,
                    List.of("Id"));
        }
        return id;
    }

    private String parentId(Column c, String value) {
        if (c.parentKey().name().equals("Id")) {
            return value;
        }
        Set<String> matches = ctx.org().store().table(c.parent()).findByKey(c.parentKey().name(),
                Values.fromText(c.parentKey(), value));
        if (matches.size() != 1) {
            throw ApiException.badRequest("INVALID_FIELD", "Foreign key external ID: " + value + " not found for field "
                    + c.parentKey().name() + " in entity " + c.parent().name(), List.of(c.field().name()));
        }
        SRecord parent = ctx.org().store().table(c.parent()).get(matches.iterator().next());
        return parent.id();
    }

    /** Salesforce's failed-results cell: CODE:message:fields--. */
    private static String errorCell(ApiException e) {
        String fields = e.fields() == null || e.fields().isEmpty() ? "" : String.join(",", e.fields()) + " ";
        return e.errorCode() + ":" + e.getMessage() + ":" + fields + "--";
    }
}
