package org.icakg.sparql;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingBuilder;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.exec.RowSetStream;
import org.apache.jena.sparql.resultset.ResultsWriter;
import org.junit.jupiter.api.Test;

/** SELECT answers written as SPARQL JSON results are, byte for byte, what Jena's own writer writes for them. */
class JsonResultsTest {

    private static final List<Var> VARS = List.of(Var.alloc("s"), Var.alloc("label"), Var.alloc("x"));

    private static byte[] jena(List<Var> vars, List<Binding> rows) {
        var out = new ByteArrayOutputStream();
        ResultsWriter.create().lang(ResultSetLang.RS_JSON).build().write(out, RowSetStream.create(vars, rows.iterator()));
        return out.toByteArray();
    }

    private static byte[] ours(List<Var> vars, List<Binding> rows) {
        var out = new ByteArrayOutputStream();
        JsonResults.write(out, RowSetStream.create(vars, rows.iterator()));
        return out.toByteArray();
    }

    private static void assertSameAsJena(List<Var> vars, List<Binding> rows) {
        byte[] expected = jena(vars, rows);
        assertArrayEquals(expected, ours(vars, rows), () -> new String(expected, StandardCharsets.UTF_8));
    }

    private static Binding row(Node s, Node label, Node x) {
        BindingBuilder b = BindingBuilder.create();
        if (s != null)
            b.add(VARS.get(0), s);
        if (label != null)
            b.add(VARS.get(1), label);
        if (x != null)
            b.add(VARS.get(2), x);
        return b.build();
    }

    private static Node iri(String s) { return NodeFactory.createURI(s); }

    @Test
    void an_answer_of_iris_and_literals_is_written_as_jena_writes_it() {
        List<Binding> rows = new ArrayList<>();
        for (int i = 0; i < 250; i++)
            rows.add(row(iri("https://w3id.org/ica-kg/id/commitment/c-" + i),
                    NodeFactory.createLiteralLang("Corridor " + i, "en"),
                    NodeFactory.createLiteralDT(Integer.toString(i), XSDDatatype.XSDinteger)));
        assertSameAsJena(VARS, rows);
    }

    @Test
    void escapes_unbound_values_blank_nodes_and_long_values_are_written_as_jena_writes_them() {
        String awkward = "quote \" backslash \\ slash / </script> tab \t line\nreturn\r feed \f back \b nul \u0000 "
                + "del \u007f c1 \u0085 nbsp \u00a0 line separator \u2028 euro \u20ac arrow \u2192 accents é ü 漢字 emoji \ud83d\ude00";
        Node blank = NodeFactory.createBlankNode(), other = NodeFactory.createBlankNode();
        List<Binding> rows = List.of(
                row(iri("http://example.org/a?b=c&d=</e>#\u00e9"), NodeFactory.createLiteralString(awkward), null),
                row(null, NodeFactory.createLiteralLang(awkward, "kk-Cyrl"), blank),
                row(blank, null, other),
                row(null, null, null),
                row(iri("urn:x:" + "long/".repeat(4000)), NodeFactory.createLiteralString("</".repeat(3000) + awkward),
                        NodeFactory.createLiteralDT("2001-05-03", XSDDatatype.XSDdate)),
                row(NodeFactory.createLiteralDT("x", NodeFactory.getType("urn:x:\"type\"")), NodeFactory.createLiteralString(""),
                        NodeFactory.createLiteralDT("1.5e0", XSDDatatype.XSDdouble)));
        assertSameAsJena(VARS, rows);
    }

    @Test
    void triple_terms_are_written_as_jena_writes_them() {
        Node triple = NodeFactory.createTripleTerm(iri("urn:x:s"), iri("urn:x:p"), NodeFactory.createLiteralLang("o", "en"));
        Node nested = NodeFactory.createTripleTerm(NodeFactory.createBlankNode(), iri("urn:x:q"), triple);
        assertSameAsJena(VARS, List.of(row(triple, NodeFactory.createLiteralString("t"), nested), row(iri("urn:x:a"), null, triple)));
    }

    @Test
    void an_empty_answer_and_an_answer_without_variables_are_written_as_jena_writes_them() {
        assertSameAsJena(VARS, List.of());
        assertSameAsJena(List.of(), List.of(BindingBuilder.create().build(), BindingBuilder.create().build()));
        String text = new String(ours(VARS, List.of()), StandardCharsets.UTF_8);
        assertTrue(text.contains("\"vars\": [ \"s\" , \"label\" , \"x\" ]"), text);
        assertEquals(1, text.split("\"bindings\"", -1).length - 1, text);
    }
}
