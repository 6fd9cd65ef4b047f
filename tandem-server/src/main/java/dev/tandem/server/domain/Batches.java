package dev.tandem.server.domain;

import java.util.List;

/** Limits that keep every request bounded in memory and time. */
public final class Batches {

    /** Most records one write call takes, as Marketo's Lead Database API. */
    public static final int MAX_RECORDS = 300;

    private Batches() {
    }

    /** Refuses an empty or oversized list of records, naming the field. */
    public static void requireSize(String field, List<?> records) {
        if (records == null || records.isEmpty()) {
            throw DomainException.blank(field);
        }
        if (records.size() > MAX_RECORDS) {
            throw DomainException.invalid(field + ": at most " + MAX_RECORDS + " records a call, got " + records.size());
        }
    }

    /** Refuses a page size outside 1..max, naming the field. */
    public static int requirePageSize(String field, int size, int max) {
        if (size < 1 || size > max) {
            throw DomainException.invalid(field + ": must be from 1 to " + max + ", was " + size);
        }
        return size;
    }
}
