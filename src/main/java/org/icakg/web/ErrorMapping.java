package org.icakg.web;

import org.icakg.http.ProblemResponses;
import org.icakg.http.Problem;

import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.update.UpdateException;
import org.eclipse.jetty.ee10.servlet.ServletContextResponse;
import org.eclipse.jetty.http.HttpHeader;
import org.icakg.kb.KnowledgeBase;
import org.icakg.write.ProtectedGraphException;
import org.icakg.write.StoreWriteException;
import org.icakg.write.UnsafeIriException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;

/**
 * The central mapping from whatever a handler throws to a {@link Problem} answer: the app's own exceptions to their
 * status, Javalin's own refusals (404 for an unknown path, 405, 400 from a handler) to the same status, and anything
 * unexpected, an {@link Error} included, to a 500 whose cause is logged once and never sent. Every answer is written
 * by {@link ProblemResponses}: negotiated by {@code Accept}, escaped, never a stack trace.
 */
final class ErrorMapping {

    private static final Logger LOG = LoggerFactory.getLogger("ica-kg.web");

    private ErrorMapping() {}

    /** Installs the mapping on an app being configured. */
    static void install(JavalinConfig cfg) {
        install(cfg, LOG);
    }

    /** Installs the mapping, logging the causes of 500s to {@code log}. */
    static void install(JavalinConfig cfg, Logger log) {
        var r = cfg.routes;
        r.exception(Problem.class, (e, ctx) -> e.send(ctx));
        r.exception(ProtectedGraphException.class, (e, ctx) -> Problem.forbidden(e.getMessage()).send(ctx));
        r.exception(UnsafeIriException.class, (e, ctx) -> Problem.badRequest(e.getMessage()).send(ctx));
        r.exception(StoreWriteException.class, (e, ctx) -> (e.diskFull() ? Problem.insufficientStorage(e.getMessage())
                : Problem.serviceUnavailable(e.getMessage())).send(ctx));
        r.exception(UpdateException.class, (e, ctx) -> Problem.badRequest("Update failed: " + e.getMessage()).send(ctx));
        r.exception(HttpResponseException.class, (e, ctx) -> fromJavalin(e, ctx).send(ctx));
        // The bundled shapes of a reopened store, read at their first use, do not parse: nothing can be validated.
        r.exception(KnowledgeBase.LoadException.class, (e, ctx) -> Problem.serviceUnavailable(
                "The server's shapes cannot be used, so validation, forms and writes are refused: " + e.getMessage())
                .send(ctx));
        r.exception(Exception.class, (e, ctx) -> {
            log.error("{} {} failed", ctx.method(), ctx.path(), e);
            Problem.serverError().send(ctx);
        });
        // Javalin hands an Error (stack overflow, out of memory, a linkage error) to this handler with the response only.
        cfg.router.javaLangErrorHandler((res, error) -> {
            // A stack overflow's trace is thousands of identical lines: its name says enough.
            log.error("Request failed with {}", error.toString(), error instanceof StackOverflowError ? null : error);
            ProblemResponses.write(acceptOf(res), res, Problem.serverError());
        });
    }

    /** The {@code Accept} header of the request {@code res} answers, or null when it cannot be found. */
    private static String acceptOf(HttpServletResponse res) {
        ServletContextResponse jetty = ServletContextResponse.getServletContextResponse(res);
        return jetty == null ? null : jetty.getRequest().getHeaders().get(HttpHeader.ACCEPT);
    }

    private static Problem fromJavalin(HttpResponseException e, Context ctx) {
        if (e.getStatus() == HttpStatus.METHOD_NOT_ALLOWED.getCode())
            return Problem.withStatus(e.getStatus(), "Method " + ctx.method() + " is not allowed on " + ctx.path()
                    + (e.getDetails().isEmpty() ? "" : "; allowed: " + String.join(", ", e.getDetails().values())));
        return Problem.withStatus(e.getStatus(), e.getMessage());
    }
}
