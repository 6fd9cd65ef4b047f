package dev.tandem.server.console.view;

import java.util.List;

/** Some rows of a longer list and how many rows the whole list has. */
public record Rows<T>(List<T> items, long total) {

    public Rows {
        items = List.copyOf(items);
    }
}
