package org.icakg.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.apache.jena.query.QueryParseException;
import org.apache.jena.sparql.exec.UpdateExec;
import org.apache.jena.sparql.modify.request.UpdateLoad;
import org.apache.jena.update.UpdateFactory;
import org.apache.jena.update.UpdateRequest;
import org.icakg.http.Problem;
import org.icakg.kb.Vocab;
import org.icakg.write.UpdateTargets;
import org.icakg.write.WriteGate;

import io.javalin.http.Context;

/** {@code POST /update}: SPARQL Update from an authenticated maintainer, as one gated write. */
final class UpdateController {

    static final String SPARQL_UPDATE = "application/sparql-update";

    private final Auth auth;
    private final WriteGate gate;
    private final ReportResponses reports;
    private final Vocab vocab;
    private final long maxBodyBytes;

    UpdateController(Auth auth, WriteGate gate, ReportResponses reports, Vocab vocab, long maxBodyBytes) {
        this.auth = auth;
        this.gate = gate;
        this.reports = reports;
        this.vocab = vocab;
        this.maxBodyBytes = maxBodyBytes;
    }

    /** {@code POST /update} with an {@code application/sparql-update} body or a form with {@code update=}. */
    void post(Context ctx) {
        String user = auth.require(ctx);
        String type = RequestBodies.mediaType(ctx);
        if (!type.equals(SPARQL_UPDATE) && !type.equals(RequestBodies.FORM))
            throw Problem.unsupportedMediaType(type, List.of(SPARQL_UPDATE, RequestBodies.FORM + " (update=...)"));
        UpdateRequest request = parse(type.equals(SPARQL_UPDATE)
                ? new String(RequestBodies.read(ctx, maxBodyBytes), StandardCharsets.UTF_8) : formField(ctx));
        WriteGate.Outcome outcome = gate.write(user, dsg -> UpdateExec.dataset(dsg).update(request).execute(), List.of());
        reports.sendOutcome(ctx, outcome, 200);
    }

    private String formField(Context ctx) {
        Map<String, String> form = RequestBodies.form(ctx, maxBodyBytes);
        if (form.containsKey("using-graph-uri") || form.containsKey("using-named-graph-uri"))
            throw Problem.badRequest("using-graph-uri and using-named-graph-uri are not supported; write USING in the update");
        return RequestBodies.requiredField(form, "update", "The form has no field 'update'");
    }

    private UpdateRequest parse(String text) {
        UpdateRequest request;
        try {
            request = UpdateFactory.create(text, vocab.base());
        } catch (QueryParseException e) {
            boolean placed = e.getMessage().contains("line ") || e.getLine() < 1;
            throw Problem.badRequest("Malformed SPARQL Update: " + e.getMessage().lines().findFirst().orElse("")
                    + (placed ? "" : " (line " + e.getLine() + ", column " + e.getColumn() + ")"));
        }
        if (request.getOperations().stream().anyMatch(UpdateLoad.class::isInstance))
            throw Problem.badRequest("LOAD is not accepted: the server does not fetch data for a write. Send the data "
                    + "itself with a Graph Store request (PUT or POST to /data?graph=IRI).");
        UpdateTargets.check(vocab, request);
        return request;
    }
}
