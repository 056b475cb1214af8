package org.icakg.workbench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Problems found in a form, by field (the key {@link #GENERAL} for those that belong to no field). */
final class Issues {

    static final String GENERAL = "";

    /** One problem: what is wrong, how bad ("Violation", "Warning"), and the value at fault (may be empty). */
    record Issue(String message, String severity, String value) {
        boolean violation() { return "Violation".equals(severity); }
    }

    private final Map<String, List<Issue>> byField = new LinkedHashMap<>();

    void add(String field, String message, String severity, String value) {
        byField.computeIfAbsent(field, k -> new ArrayList<>()).add(new Issue(message, severity, value == null ? "" : value));
    }

    /** A violation found before validation: unreadable or missing input. */
    void reject(String field, String message, String value) {
        add(field, message, "Violation", value);
    }

    List<Issue> of(String field) { return byField.getOrDefault(field, List.of()); }

    boolean hasViolations() {
        return byField.values().stream().anyMatch(Issues::violated);
    }

    /** True when one of {@code issues} is a violation. */
    static boolean violated(List<Issue> issues) {
        return issues.stream().anyMatch(Issue::violation);
    }

    boolean isEmpty() { return byField.isEmpty(); }

    Map<String, List<Issue>> all() { return byField; }
}
