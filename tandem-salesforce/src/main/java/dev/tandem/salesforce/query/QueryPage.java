package dev.tandem.salesforce.query;

import java.util.List;

/**
 * One page of query results.
 *
 * @param number    1 for the first page
 * @param totalSize rows the whole query matches (as Salesforce reports it on every page)
 * @param last      true on the final page
 */
public record QueryPage(int number, List<SObject> records, long totalSize, boolean last) {
    public QueryPage {
        records = List.copyOf(records);
    }
}
