package dev.tandem.server.console.view;

import java.util.ArrayList;
import java.util.List;

/**
 * A stacked bar chart laid out for an inline SVG (no script, no library): one bar per column, each made of
 * segments stacked from the bottom. Coordinates are in the SVG's own units; the template only draws rectangles.
 */
public record BarChart(int width, int height, long max, List<Rect> rects, List<Tick> ticks, List<Series> legend) {

    /** Inner plot area, in SVG units. */
    public static final int LEFT = 44;
    public static final int BOTTOM = 20;
    public static final int TOP = 8;

    /** One value of one column, e.g. "updated: 12" in run 7. */
    public record Segment(String series, long value) {
    }

    /** One column: its label (shown in the tooltip) and its stacked values. */
    public record Column(String label, List<Segment> segments) {
    }

    /** A named series with its CSS class, in stacking order. */
    public record Series(String name, String css) {
    }

    /** A drawn rectangle with the tooltip text that names what it shows. */
    public record Rect(double x, double y, double width, double height, String css, String title) {
    }

    /** A horizontal grid line with its value label. */
    public record Tick(double y, String label) {
    }

    /**
     * Lays out {@code columns} (oldest first) in a {@code width × height} box; values of series not in
     * {@code series} are ignored, zero values draw nothing.
     */
    public static BarChart of(List<Column> columns, List<Series> series, int width, int height) {
        long max = 0;
        for (Column column : columns) {
            long sum = 0;
            for (Segment segment : column.segments()) {
                if (known(series, segment.series())) {
                    sum += Math.max(0, segment.value());
                }
            }
            max = Math.max(max, sum);
        }
        long scaleMax = niceCeiling(max);
        double plotWidth = width - LEFT - 4;
        double plotHeight = height - TOP - BOTTOM;
        double slot = columns.isEmpty() ? plotWidth : plotWidth / columns.size();
        double barWidth = Math.max(1, Math.min(28, slot * 0.7));
        List<Rect> rects = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            Column column = columns.get(i);
            double x = LEFT + i * slot + (slot - barWidth) / 2;
            double base = TOP + plotHeight;
            for (Series s : series) {
                long value = column.segments().stream().filter(seg -> seg.series().equals(s.name()))
                        .mapToLong(seg -> Math.max(0, seg.value())).sum();
                if (value == 0) {
                    continue;
                }
                double h = plotHeight * value / scaleMax;
                base -= h;
                rects.add(new Rect(round(x), round(base), round(barWidth), round(h), s.css(),
                        column.label() + ": " + value + " " + s.name()));
            }
        }
        List<Tick> ticks = new ArrayList<>();
        for (int step = 0; step <= 4; step++) {
            long value = scaleMax * step / 4;
            ticks.add(new Tick(round(TOP + plotHeight - plotHeight * step / 4.0), Long.toString(value)));
        }
        return new BarChart(width, height, max, List.copyOf(rects), List.copyOf(ticks), List.copyOf(series));
    }

    /** The bottom of the plot area (where the bars start). */
    public double baseline() {
        return height - BOTTOM;
    }

    // Four grid steps of 1, 2 or 5 × 10^n each, so every grid line falls on a round number.
    static long niceCeiling(long value) {
        long needed = Math.max(1, (value + 3) / 4);
        long magnitude = 1;
        while (true) {
            for (long factor : new long[] {1, 2, 5}) {
                if (factor * magnitude >= needed) {
                    return 4 * factor * magnitude;
                }
            }
            magnitude *= 10;
        }
    }

    private static boolean known(List<Series> series, String name) {
        return series.stream().anyMatch(s -> s.name().equals(name));
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
