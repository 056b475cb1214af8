package org.icakg.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Lays dated items out as an SVG chart: one lane per class, time from left to right, a tick per year. */
final class TimelineChart {

    static final int WIDTH = 1000, LANE_HEIGHT = 44, LEFT = 130, RIGHT = 20, TOP = 10, AXIS = 30;
    /** Years between two labelled ticks, at most this many ticks. */
    static final int MAX_TICKS = 20;

    private TimelineChart() {}

    /** The chart: its size, the y of its axis and the x where time starts, its lanes, ticks and dots. */
    record Chart(int width, int height, int axisY, int left, List<Lane> lanes, List<Tick> ticks, List<Dot> dots) {}

    /** The lane of a class: its label at {@code y}, its top edge at {@code top}. */
    record Lane(String label, int y, int top) {}

    /** A year on the axis, at {@code x}, its label at {@code y}. */
    record Tick(String x, int label, int y) {}

    /** One dated item: where it is drawn, its page (or null), and its label and date as a tooltip. */
    record Dot(String x, int y, String href, String title) {}

    /** Lays out the items that have a readable date. */
    static Chart layout(List<Chronology.Item> dated) {
        List<Chronology.Item> items = dated.stream().filter(i -> !Double.isNaN(when(i.start()))).toList();
        double min = items.stream().mapToDouble(i -> when(i.start())).min().orElse(2000);
        double max = items.stream().mapToDouble(i -> when(i.start())).max().orElse(min + 1);
        int first = (int) Math.floor(min), last = (int) Math.floor(max) + 1;
        double span = last - first;
        Map<String, Integer> lanes = new LinkedHashMap<>();
        items.stream().map(i -> lane(i)).sorted().forEach(l -> lanes.putIfAbsent(l, lanes.size()));
        List<Dot> dots = new ArrayList<>();
        for (Chronology.Item i : items) {
            double x = LEFT + (when(i.start()) - first) / span * (WIDTH - LEFT - RIGHT);
            int y = TOP + lanes.get(lane(i)) * LANE_HEIGHT + LANE_HEIGHT / 2;
            dots.add(new Dot(round(x), y, i.href(), i.label() + " · " + i.date()));
        }
        List<Lane> laneModel = new ArrayList<>();
        lanes.forEach((label, n) -> laneModel.add(new Lane(label, TOP + n * LANE_HEIGHT + LANE_HEIGHT / 2,
                TOP + n * LANE_HEIGHT)));
        int height = TOP + lanes.size() * LANE_HEIGHT + AXIS;
        int step = Math.max(1, (int) Math.ceil(span / MAX_TICKS));
        List<Tick> ticks = new ArrayList<>();
        for (int year = first; year <= last; year += step)
            ticks.add(new Tick(round(LEFT + (year - first) / span * (WIDTH - LEFT - RIGHT)), year, height - AXIS + 16));
        return new Chart(WIDTH, height, height - AXIS, LEFT, laneModel, ticks, dots);
    }

    private static String lane(Chronology.Item i) {
        return i.type() == null ? "Other" : i.type();
    }

    /** A date as a fractional year: "2025-06-06" → 2025.43; a year alone sits at its start; NaN if unreadable. */
    static double when(String iso) {
        String[] parts = iso.split("[-T]");
        try {
            double year = Integer.parseInt(parts[0]);
            double month = parts.length > 1 ? Integer.parseInt(parts[1]) - 1 : 0;
            double day = parts.length > 2 ? Integer.parseInt(parts[2].substring(0, 2)) - 1 : 0;
            return year + month / 12 + day / 365;
        } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
            return Double.NaN;
        }
    }

    private static String round(double v) {
        return String.format(java.util.Locale.ROOT, "%.1f", v);
    }
}
