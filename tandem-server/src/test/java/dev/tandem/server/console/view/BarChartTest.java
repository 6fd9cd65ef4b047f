package dev.tandem.server.console.view;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BarChartTest {
    private static final List<BarChart.Series> SERIES = List.of(new BarChart.Series("created", "c"),
            new BarChart.Series("updated", "u"));

    @Test
    void theScaleEndsOnARoundNumberAboveTheTallestColumnWithFourEqualSteps() {
        assertThat(BarChart.niceCeiling(0)).isEqualTo(4);
        assertThat(BarChart.niceCeiling(4)).isEqualTo(4);
        assertThat(BarChart.niceCeiling(5)).isEqualTo(8);
        assertThat(BarChart.niceCeiling(37)).isEqualTo(40);
        assertThat(BarChart.niceCeiling(41)).isEqualTo(80);
        assertThat(BarChart.niceCeiling(450)).isEqualTo(800);
        assertThat(BarChart.niceCeiling(1_000)).isEqualTo(2_000);
    }

    @Test
    void segmentsStackFromTheBaselineInSeriesOrderAndNameWhatTheyShow() {
        BarChart chart = BarChart.of(List.of(new BarChart.Column("run 1", List.of(
                new BarChart.Segment("updated", 2), new BarChart.Segment("created", 6)))), SERIES, 244, 128);

        assertThat(chart.rects()).hasSize(2);
        BarChart.Rect created = chart.rects().get(0);
        BarChart.Rect updated = chart.rects().get(1);
        assertThat(created.css()).isEqualTo("c");
        assertThat(created.y() + created.height()).isEqualTo(chart.baseline());
        assertThat(updated.y() + updated.height()).isEqualTo(created.y());
        assertThat(created.height()).isEqualTo(updated.height() * 3);
        assertThat(created.title()).isEqualTo("run 1: 6 created");
    }

    @Test
    void zeroValuesAndUnknownSeriesDrawNothing() {
        BarChart chart = BarChart.of(List.of(new BarChart.Column("run 1", List.of(
                new BarChart.Segment("created", 0), new BarChart.Segment("other", 9)))), SERIES, 244, 128);

        assertThat(chart.rects()).isEmpty();
        assertThat(chart.max()).isZero();
        assertThat(chart.ticks()).extracting(BarChart.Tick::label).containsExactly("0", "1", "2", "3", "4");
    }
}
