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

    /** The chart model: {@code width}, {@code height}, {@code lanes}, {@code ticks} and {@code dots}. */
    static Map<String, Object> layout(List<Chronology.Item> dated) {
        List<Chronology.Item> items = dated.stream().filter(i -> !Double.isNaN(when(i.start()))).toList();
        double min = items.stream().mapToDouble(i -> when(i.start())).min().orElse(2000);
        double max = items.stream().mapToDouble(i -> when(i.start())).max().orElse(min + 1);
        int first = (int) Math.floor(min), last = (int) Math.floor(max) + 1;
        double span = last - first;
        Map<String, Integer> lanes = new LinkedHashMap<>();
        items.stream().map(i -> lane(i)).sorted().forEach(l -> lanes.putIfAbsent(l, lanes.size()));
        List<Map<String, Object>> dots = new ArrayList<>();
        for (Chronology.Item i : items) {
            double x = LEFT + (when(i.start()) - first) / span * (WIDTH - LEFT - RIGHT);
            int y = TOP + lanes.get(lane(i)) * LANE_HEIGHT + LANE_HEIGHT / 2;
            Map<String, Object> dot = new LinkedHashMap<>();
            dot.put("x", round(x));
            dot.put("y", y);
            dot.put("href", i.href());
            dot.put("title", i.label() + " · " + i.date());
            dots.add(dot);
        }
        List<Map<String, Object>> laneModel = new ArrayList<>();
        lanes.forEach((label, n) -> laneModel.add(Map.of("label", label, "y", TOP + n * LANE_HEIGHT + LANE_HEIGHT / 2,
                "top", TOP + n * LANE_HEIGHT)));
        int height = TOP + lanes.size() * LANE_HEIGHT + AXIS;
        int step = Math.max(1, (int) Math.ceil(span / MAX_TICKS));
        List<Map<String, Object>> ticks = new ArrayList<>();
        for (int year = first; year <= last; year += step)
            ticks.add(Map.of("x", round(LEFT + (year - first) / span * (WIDTH - LEFT - RIGHT)), "label", year,
                    "y", height - AXIS + 16));
        return Map.of("width", WIDTH, "height", height, "axisY", height - AXIS, "left", LEFT,
                "lanes", laneModel, "ticks", ticks, "dots", dots);
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
