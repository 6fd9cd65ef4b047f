package dev.tandem.emulator.bulk;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Reads and writes Bulk API CSV: configurable delimiter, every written cell quoted as Salesforce does. */
final class CsvText {
    private static final CsvMapper MAPPER = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);

    private CsvText() {
    }

    /** The delimiter for a Bulk API columnDelimiter name, or 0 when unknown. */
    static char delimiter(String name) {
        return switch (name == null ? "COMMA" : name) {
            case "COMMA" -> ',';
            case "TAB" -> '\t';
            case "PIPE" -> '|';
            case "SEMICOLON" -> ';';
            case "CARET" -> '^';
            case "BACKQUOTE" -> '`';
            default -> 0;
        };
    }

    /** All rows of a CSV text, header included. */
    static List<List<String>> read(String text, char delimiter) throws IOException {
        CsvSchema schema = CsvSchema.emptySchema().withColumnSeparator(delimiter);
        List<List<String>> rows = new ArrayList<>();
        try (MappingIterator<String[]> it = MAPPER.readerFor(String[].class).with(schema).readValues(text)) {
            while (it.hasNext()) {
                String[] row = it.next();
                if (row.length == 1 && row[0].isEmpty()) {
                    continue;
                }
                rows.add(List.of(row));
            }
        }
        return rows;
    }

    static String line(List<String> cells, char delimiter, String lineEnding) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                sb.append(delimiter);
            }
            String c = cells.get(i) == null ? "" : cells.get(i);
            sb.append('"').append(c.replace("\"", "\"\"")).append('"');
        }
        return sb.append(lineEnding).toString();
    }
}
