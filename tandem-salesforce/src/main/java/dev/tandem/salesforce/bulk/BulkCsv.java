package dev.tandem.salesforce.bulk;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes Bulk API upload CSV and reads Bulk API result CSV (comma separated, LF line endings, header row). */
public final class BulkCsv {
    private static final CsvMapper CSV = new CsvMapper();

    private BulkCsv() {
    }

    /** Renders rows of cell text under the given header. */
    public static String write(List<String> header, List<List<String>> rows) {
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true).setLineSeparator("\n");
        header.forEach(schema::addColumn);
        try {
            StringWriter out = new StringWriter();
            CSV.writer(schema.build()).writeValues(out).writeAll(rows.stream().map(List::toArray).toList()).close();
            return out.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads CSV with a header row into maps keyed by column name, keeping column order. */
    public static List<Map<String, String>> read(String csv) {
        List<Map<String, String>> rows = new ArrayList<>();
        if (csv == null || csv.isBlank()) {
            return rows;
        }
        try (MappingIterator<Map<String, String>> it = CSV.readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(csv)) {
            while (it.hasNext()) {
                rows.add(new LinkedHashMap<>(it.next()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Bulk API result is not readable CSV", e);
        }
        return rows;
    }
}
