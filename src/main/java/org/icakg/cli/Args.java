package org.icakg.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Command-line arguments: {@code --name value} options (repeatable), {@code --flag}s and positional words. */
public record Args(Map<String, List<String>> options, List<String> positional) {

    public Args {
        options = Map.copyOf(options);
        positional = List.copyOf(positional);
    }

    /**
     * Parses {@code args}; {@code valued} names the options that take a value, {@code flags} those that do not.
     * @throws UsageException for an unknown option or a missing value
     */
    public static Args parse(String[] args, Set<String> valued, Set<String> flags) {
        Map<String, List<String>> options = new LinkedHashMap<>();
        List<String> positional = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--")) {
                positional.add(a);
                continue;
            }
            String name = a.substring(2), value = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (flags.contains(name) && value == null) {
                options.computeIfAbsent(name, k -> new ArrayList<>()).add("true");
            } else if (valued.contains(name)) {
                if (value == null) {
                    if (i + 1 >= args.length)
                        throw new UsageException("option --" + name + " needs a value");
                    value = args[++i];
                }
                options.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            } else {
                throw new UsageException("unknown option --" + name);
            }
        }
        return new Args(options, positional);
    }

    public boolean has(String name) { return options.containsKey(name); }

    public List<String> all(String name) { return options.getOrDefault(name, List.of()); }

    public String get(String name, String dflt) {
        List<String> v = all(name);
        return v.isEmpty() ? dflt : v.get(v.size() - 1);
    }

    public int getInt(String name, int dflt, int min, int max) {
        String v = get(name, null);
        if (v == null)
            return dflt;
        try {
            int n = Integer.parseInt(v);
            if (n < min || n > max)
                throw new UsageException("--" + name + " must be between " + min + " and " + max + ", got " + v);
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be a whole number, got '" + v + "'");
        }
    }

    /** A mistake in how the command was called (exit status 2). */
    public static final class UsageException extends RuntimeException {
        public UsageException(String message) { super(message); }
    }
}
