package dev.tandem.server.console.web;

/** One page of an offset-paged table: which rows to read and how to draw the pager. */
public record Paging(int page, int size, long total) {

    public Paging {
        page = Math.max(1, page);
    }

    /** Rows to skip. */
    public int offset() {
        return (page - 1) * size;
    }

    /** Number of pages (at least one). */
    public int pages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }

    /** Whether a page follows. */
    public boolean hasNext() {
        return page < pages();
    }

    /** Whether a page precedes. */
    public boolean hasPrevious() {
        return page > 1;
    }

    /** 1-based index of the first row shown (0 when empty). */
    public long firstRow() {
        return total == 0 ? 0 : offset() + 1L;
    }

    /** 1-based index of the last row shown. */
    public long lastRow() {
        return Math.min(total, (long) offset() + size);
    }
}
