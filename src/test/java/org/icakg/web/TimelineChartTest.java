package org.icakg.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The timeline's layout: dates as fractional years, one lane per class, ticks bounded, undated items left out. */
class TimelineChartTest {

    static Chronology.Item item(String label, String date, String type) {
        return new Chronology.Item(null, "/id/x/" + label, label, date, date, null, type, null, List.of());
    }

    @Test
    void dates_become_fractional_years_and_unreadable_ones_nan() {
        assertEquals(2025.0, TimelineChart.when("2025"), 1e-9);
        assertEquals(2025 + 5 / 12.0 + 5 / 365.0, TimelineChart.when("2025-06-06"), 1e-9);
        assertEquals(2025 + 5 / 12.0 + 5 / 365.0, TimelineChart.when("2025-06-06T10:00:00"), 1e-9);
        assertTrue(Double.isNaN(TimelineChart.when("sometime")));
        assertTrue(Double.isNaN(TimelineChart.when("2025-6-x")));
    }

    @Test
    void items_are_placed_left_to_right_in_one_lane_per_class_and_undated_ones_are_left_out() {
        TimelineChart.Chart chart = TimelineChart.layout(List.of(item("a", "2001", "Treaty"),
                item("b", "2010-07-01", "Meeting"), item("c", "2005", "Treaty"), item("d", "undated", "Treaty")));
        List<TimelineChart.Dot> dots = chart.dots();
        assertEquals(3, dots.size(), "the undated item has no dot");
        assertEquals(List.of("Meeting", "Treaty"), chart.lanes().stream().map(TimelineChart.Lane::label).toList());
        double a = Double.parseDouble(dots.get(0).x()), c = Double.parseDouble(dots.get(2).x());
        double b = Double.parseDouble(dots.get(1).x());
        assertEquals(TimelineChart.LEFT, a, 0.1, "the earliest year starts at the left edge");
        assertTrue(a < c && c < b, "later is further right: " + a + " " + c + " " + b);
        assertEquals(dots.get(0).y(), dots.get(2).y(), "same class, same lane");
        assertEquals("a · 2001", dots.get(0).title());
        assertEquals(TimelineChart.TOP + 2 * TimelineChart.LANE_HEIGHT + TimelineChart.AXIS, chart.height());
    }

    @Test
    void centuries_get_at_most_the_bounded_number_of_ticks() {
        TimelineChart.Chart chart = TimelineChart.layout(List.of(item("old", "1500", "Event"), item("new", "2020", "Event")));
        assertTrue(chart.ticks().size() <= TimelineChart.MAX_TICKS + 1, chart.ticks().size() + " ticks");
        assertEquals(1500, chart.ticks().get(0).label());
    }

    @Test
    void no_dated_item_still_gives_a_chart() {
        TimelineChart.Chart chart = TimelineChart.layout(List.of(item("d", "undated", null)));
        assertEquals(List.of(), chart.dots());
        assertEquals(TimelineChart.WIDTH, chart.width());
    }
}
