package org.icakg.web;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.jena.riot.Lang;
import org.icakg.http.Problem;
import org.icakg.kb.KnowledgeBase;
import org.icakg.kb.Loader;
import org.icakg.kb.RdfSource;
import org.icakg.write.WriteGate;

import io.javalin.http.Context;

/**
 * {@code /validate}: a dry run. The body is parsed on its own, then validated as if added to the live graph (so it
 * may refer to what is already there) inside a write transaction that is always aborted: nothing is ever written.
 */
final class ValidateController {

    static final String TITLE = "Validate a change";
    /** Why a body without statements is refused: a dry run of nothing would "conform" and prove nothing. */
    static final String NOTHING = "The body holds no statements: send the RDF (for example Turtle) to validate.";

    private final KnowledgeBase kb;
    private final WriteGate gate;
    private final ReportResponses reports;
    private final long maxBodyBytes;

    ValidateController(KnowledgeBase kb, WriteGate gate, ReportResponses reports, long maxBodyBytes) {
        this.kb = kb;
        this.gate = gate;
        this.reports = reports;
        this.maxBodyBytes = maxBodyBytes;
    }

    /** {@code GET /validate}: the page with a text box for Turtle. */
    void page(Context ctx) {
        ctx.html(reports.page(TITLE, null, true, null));
    }

    /** {@code POST /validate}: RDF in the body (by Content-Type), or the page's form; answers the report. */
    void check(Context ctx) {
        if (RequestBodies.FORM.equals(RequestBodies.mediaType(ctx))) {
            checkForm(ctx);
            return;
        }
        Lang lang = RequestBodies.rdfLang(ctx);
        RdfSource source = new RdfSource(RequestBodies.BODY, lang, RequestBodies.read(ctx, maxBodyBytes));
        Loader.ParsedInput input = RequestBodies.parse(new Loader(kb.vocab()), source, kb.vocab().unattributedGraph());
        if (input.dataset().isEmpty())
            throw Problem.badRequest(NOTHING);
        reports.send(ctx, 200, dryRun(input, source).report(), "Validation report");
    }

    private void checkForm(Context ctx) {
        String data = RequestBodies.requiredField(RequestBodies.form(ctx, maxBodyBytes), "data",
                "The form has no field 'data' holding the Turtle to validate");
        RdfSource source = new RdfSource(RequestBodies.BODY, Lang.TURTLE, data.getBytes(StandardCharsets.UTF_8));
        Loader.ParsedInput input = new Loader(kb.vocab()).parse(source, kb.vocab().unattributedGraph());
        if (!input.ok() || input.dataset().isEmpty()) {
            String problem = input.ok() ? NOTHING : RequestBodies.syntaxMessage(input.errors().get(0));
            ctx.status(400).html(reports.problemPage(TITLE, data, problem));
            return;
        }
        ctx.html(reports.page(TITLE, dryRun(input, source).report(), true, data));
    }

    private WriteGate.Outcome dryRun(Loader.ParsedInput input, RdfSource source) {
        return gate.dryRun(dsg -> input.dataset().find().forEachRemaining(dsg::add), List.of(source));
    }
}
