package org.icakg.web;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The {@code Vary} header as one list that only grows: CORS adds {@code Origin}, negotiation adds {@code Accept}, and
 * neither replaces the other's.
 */
public final class VaryHeader {

    private VaryHeader() {}

    /** Adds {@code name} to the response's {@code Vary} (once, whatever its case), as a single header line. */
    public static void add(HttpServletResponse res, String name) {
        Map<String, String> names = new LinkedHashMap<>();
        for (String line : res.getHeaders("Vary"))
            for (String n : line.split(","))
                if (!n.isBlank())
                    names.putIfAbsent(n.strip().toLowerCase(), n.strip());
        if (names.containsKey("*"))
            return;
        names.putIfAbsent(name.toLowerCase(), name);
        res.setHeader("Vary", String.join(", ", names.values()));
    }
}
