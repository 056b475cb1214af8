package org.icakg.server;

import org.apache.jena.irix.IRIs;
import org.apache.jena.irix.IRIx;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.Syntax;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.shared.impl.PrefixMappingImpl;
import org.apache.jena.sparql.core.Prologue;
import org.apache.jena.sparql.lang.SyntaxVarScope;
import org.apache.jena.sparql.lang.arq.javacc.ARQParser;
import org.apache.jena.sparql.lang.arq.javacc.ARQParserTokenManager;
import org.apache.jena.sparql.lang.arq.javacc.ParseException;
import org.apache.jena.sparql.lang.arq.javacc.TokenMgrError;

/**
 * Parses the plain queries of {@link SmallQueries} as {@code QueryFactory.parse(query, text, base, Syntax.syntaxARQ)}
 * does, with what that call allocates afresh for every query kept per request thread instead: the lexer's character
 * buffers (three arrays of 4,096 entries, 40 KB), its state tables, and the IRI resolver of the base (two resolvers,
 * each with a 500-entry cache, for every query). Together they were most of the bytes a small query allocated. The
 * lexer reads the text through {@link QueryText}, which reaches its end without the two exceptions, each with the
 * request thread's stack trace, that JavaCC's stream throws there.
 * <p>
 * Each parse still gets a new parser object (its scopes for blank-node labels and sub-queries start empty, whatever
 * the query before it left behind) and the same checks after parsing ({@link SyntaxVarScope}). A resolver's cache is
 * not safe to share between threads, so a parsed query is to be run on the thread that parsed it, as both paths of
 * {@link SmallQueries} do.
 */
final class QueryParsing {

    /** The parts of a parser that one thread reuses from one query to the next. */
    private static final class Reused {
        final QueryText chars = new QueryText();
        final ARQParserTokenManager tokens = new ARQParserTokenManager(chars);
        final Prologue base;

        Reused(IRIx baseIri) {
            PrefixMapping none = new PrefixMappingImpl();
            base = new Prologue(none, IRIs.stdResolver().resetBase(baseIri));
        }
    }

    private final ThreadLocal<Reused> reused;

    /** @param base the base of relative IRIs in every query */
    QueryParsing(IRIx base) {
        this.reused = ThreadLocal.withInitial(() -> new Reused(base));
    }

    /** The query of a SPARQL text (ARQ's syntax, as Fuseki reads it), or a {@link QueryParseException}. */
    Query parse(String text) {
        Reused r = reused.get();
        Query query = new Query(r.base);
        query.setSyntax(Syntax.syntaxARQ);
        query.setStrict(true);
        r.chars.reset(text);
        r.tokens.ReInit(r.chars);
        ARQParser parser = new ARQParser(r.tokens);
        parser.setQuery(query);
        try {
            parser.QueryUnit();
        } catch (ParseException e) {
            int line = e.currentToken == null ? -1 : e.currentToken.beginLine;
            int column = e.currentToken == null ? -1 : e.currentToken.beginColumn;
            throw new QueryParseException(e.getMessage(), line, column);
        } catch (TokenMgrError e) {
            throw new QueryParseException(e.getMessage(), parser.token.endLine, parser.token.endColumn);
        }
        SyntaxVarScope.check(query);
        return query;
    }
}
