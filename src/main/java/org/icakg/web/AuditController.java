package org.icakg.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.icakg.http.Problem;
import org.icakg.write.AuditLog;

import io.javalin.http.Context;

/** {@code /audit}: the log of accepted writes (who, when, how many statements) and each write's RDF Patch; maintainers only. */
final class AuditController {

    static final int DEFAULT_ENTRIES = 100, MAX_ENTRIES = 10_000;

    private final Auth auth;
    private final AuditLog log;

    AuditController(Auth auth, AuditLog log) {
        this.auth = auth;
        this.log = log;
    }

    /** {@code GET /audit?limit=N}: the newest entries first, as JSON. */
    void list(Context ctx) {
        auth.require(ctx);
        int limit = limit(ctx.queryParam("limit"));
        List<Map<String, Object>> entries = log.recent(limit).stream().map(e -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", e.id());
            m.put("user", e.user());
            m.put("time", e.time().toString());
            m.put("added", e.added());
            m.put("removed", e.removed());
            m.put("patch", "/audit/" + e.id());
            return m;
        }).toList();
        ctx.header("Cache-Control", "no-store").json(Map.of("entries", entries));
    }

    /** {@code GET /audit/{id}}: what one write changed, as an RDF Patch. */
    void patch(Context ctx) {
        auth.require(ctx);
        String id = ctx.pathParam("id");
        byte[] patch = log.patch(id).orElseThrow(() -> Problem.notFound("No audit entry " + id));
        ctx.header("Cache-Control", "no-store").contentType("application/rdf-patch;charset=utf-8").result(patch);
    }

    private static int limit(String value) {
        if (value == null)
            return DEFAULT_ENTRIES;
        try {
            int n = Integer.parseInt(value);
            if (n >= 1 && n <= MAX_ENTRIES)
                return n;
        } catch (NumberFormatException e) {
            // Answered below.
        }
        throw Problem.badRequest("limit must be a whole number from 1 to " + MAX_ENTRIES + ", got '" + value + "'");
    }
}
