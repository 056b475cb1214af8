package org.icakg.bench;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.BiFunction;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.syntax.syntaxtransform.QueryTransformOps;
import org.icakg.sparql.QueryLibrary;

/**
 * The query classes of the benchmark, each a query file under {@code bench/} with parameters drawn from the
 * synthetic population (bound by substitution), or the HTML page of an entity. A class turns into a pool of
 * request paths for one server.
 */
public final class QueryMix {

    /** Accept header of every SPARQL request of the mix. */
    static final String RESULTS_JSON = "application/sparql-results+json";

    /** Variants of each class, sent round-robin, so a class is not one repeated request. */
    static final int VARIANTS = 256;

    private static final List<String> WORDS = List.of("port", "kand", "osh", "bad", "al", "tur", "zan", "ma");
    private static final int FIRST_YEAR = 1992, YEARS = 34;

    /** One class of request. {@code query} is null for the entity page. */
    public record QueryClass(String name, String title, String query,
                             BiFunction<SplittableRandom, Population, Map<String, Node>> parameters) {
        public boolean isPage() { return query == null; }
    }

    /** Every class, in the order of the table. */
    public static final List<QueryClass> CLASSES = List.of(
            sparql("lookup", "single-entity lookup", (r, p) -> Map.of("entity", commitment(r, p))),
            sparql("filtered-list", "filtered list", (r, p) -> Map.of("state", state(r, p),
                    "year", NodeFactory.createLiteralDT(Integer.toString(FIRST_YEAR + r.nextInt(YEARS)), XSDDatatype.XSDinteger))),
            sparql("recent-events", "ordered recent events", (r, p) -> Map.of("forum",
                    Terms.entity("forum", "forum-" + r.nextInt(p.forums)))),
            sparql("join", "join", (r, p) -> Map.of("state", state(r, p), "other", state(r, p))),
            sparql("aggregate", "aggregate (GROUP BY, COUNT)", (r, p) -> Map.of("status",
                    Terms.STATUSES.get(r.nextInt(Terms.STATUSES.size())))),
            sparql("path-text", "property path + text filter", (r, p) -> Map.of("state", state(r, p),
                    "word", NodeFactory.createLiteralString(WORDS.get(r.nextInt(WORDS.size()))))),
            sparql("ask", "ASK {}", (r, p) -> Map.of()),
            sparql("provenance", "provenance lookup (GRAPH ?g)", (r, p) -> Map.of("entity", meeting(r, p))),
            new QueryClass("entity-page", "entity page (HTML)", null, (r, p) -> Map.of("entity", meeting(r, p))));

    private QueryMix() {}

    /** Request paths of one class for a server whose query endpoint is {@code endpoint} (e.g. {@code /sparql}). */
    public static List<String> paths(QueryClass c, Population population, String endpoint, long seed) {
        if (!c.isPage())
            return queries(c, population, seed).stream().map(q -> endpoint + "?query="
                    + URLEncoder.encode(q.serialize(), StandardCharsets.UTF_8)).toList();
        SplittableRandom random = random(c, seed);
        List<String> out = new ArrayList<>(VARIANTS);
        for (int i = 0; i < VARIANTS; i++)
            out.add("/" + c.parameters().apply(random, population).get("entity").getURI().substring(Terms.VOCAB.base().length()));
        return out;
    }

    /** The {@link #VARIANTS} queries of a SPARQL class, parameters bound, in the order they are sent. */
    public static List<Query> queries(QueryClass c, Population population, long seed) {
        if (c.isPage())
            throw new IllegalArgumentException(c.name() + " is a page, not a query");
        SplittableRandom random = random(c, seed);
        Query template = QueryFactory.create(QueryLibrary.text("bench/" + c.query() + ".rq"));
        List<Query> out = new ArrayList<>(VARIANTS);
        for (int i = 0; i < VARIANTS; i++)
            out.add(bind(template, c.parameters().apply(random, population)));
        return out;
    }

    private static SplittableRandom random(QueryClass c, long seed) { return new SplittableRandom(seed ^ c.name().hashCode()); }

    /** The query text of one class with one set of parameters (for checks and documentation). */
    public static Query bind(Query template, Map<String, Node> values) {
        Map<Var, Node> vars = new LinkedHashMap<>();
        values.forEach((k, v) -> vars.put(Var.alloc(k), v));
        return QueryTransformOps.replaceVars(template, vars);
    }

    private static QueryClass sparql(String name, String title,
                                     BiFunction<SplittableRandom, Population, Map<String, Node>> parameters) {
        return new QueryClass(name, title, name, parameters);
    }

    private static Node state(SplittableRandom r, Population p) {
        return Terms.entity("state", Population.stateSlug(r.nextInt(p.states)));
    }

    private static Node commitment(SplittableRandom r, Population p) {
        return Terms.entity("commitment", "commitment-" + r.nextInt(Math.max(1, p.commitments())));
    }

    private static Node meeting(SplittableRandom r, Population p) {
        return Terms.entity("meeting", "meeting-" + r.nextInt(Math.max(1, p.meetings())));
    }
}
