package org.icakg.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.sparql.exec.UpdateExec;
import org.apache.jena.system.Txn;
import org.apache.jena.update.UpdateFactory;
import org.icakg.kb.Bundle;
import org.icakg.kb.KnowledgeBase;
import org.icakg.kb.Vocab;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Gated writes to the bundled knowledge keep what is computed from it current: date bounds and inferences. */
class BundledWritesTest {

    static final String PREFIXES = """
            PREFIX ica: <https://w3id.org/ica-kg/ontology#>
            PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX meeting: <https://w3id.org/ica-kg/id/meeting/>
            PREFIX forum: <https://w3id.org/ica-kg/id/forum/>
            PREFIX city: <https://w3id.org/ica-kg/id/city/>
            PREFIX state: <https://w3id.org/ica-kg/id/state/>
            PREFIX passage: <https://w3id.org/ica-kg/id/passage/>
            PREFIX prov: <http://www.w3.org/ns/prov#>
            """;
    static final String FIFTH = """
            GRAPH passage:soulguide-india-central-asia-partnership-08 {
              meeting:india-central-asia-dialogue-5 a ica:Meeting ; rdfs:label "5th India–Central Asia Dialogue"@en ;
                ica:meetingOf forum:india-central-asia-dialogue ; ica:sessionNumber 5 ; ica:heldIn city:new-delhi ;
                ica:date "2026-03"^^xsd:gYearMonth ; ica:hadParticipant state:uzbekistan .
            }""";

    KnowledgeBase kb;
    WriteGate gate;

    @BeforeEach
    void open() {
        kb = KnowledgeBase.inMemory(Bundle.bundled(), Vocab.DEFAULT);
        gate = new WriteGate(kb, AuditLog.inMemory());
    }

    void update(String sparql) {
        var request = UpdateFactory.create(PREFIXES + sparql);
        WriteGate.Outcome outcome = gate.write("alice", dsg -> UpdateExec.dataset(dsg).update(request).execute(), List.of());
        assertTrue(outcome.committed(), () -> sparql + "\n" + outcome.report().findings());
    }

    List<String> select(String where, String var) {
        String q = PREFIXES + "SELECT ?" + var + " WHERE { " + where + " } ORDER BY ?" + var;
        return Txn.calculateRead(kb.dataset(), () -> {
            List<String> out = new ArrayList<>();
            try (QueryExecution qe = QueryExecution.dataset(DatasetFactory.wrap(kb.dataset())).query(q).build()) {
                qe.execSelect().forEachRemaining(s -> out.add(s.get(var).isLiteral() ? s.getLiteral(var).getLexicalForm() : s.get(var).toString()));
            }
            return out;
        });
    }

    @Test
    void what_a_write_entails_names_the_passage_written_and_goes_when_the_statement_does() {
        update("INSERT DATA { " + FIFTH + " }");
        String source = "GRAPH ?g { state:uzbekistan ica:participatedIn meeting:india-central-asia-dialogue-5 } "
                + "GRAPH <https://w3id.org/ica-kg/graph/inferred> { ?g prov:wasDerivedFrom ?passage }";
        assertEquals(List.of("https://w3id.org/ica-kg/id/passage/soulguide-india-central-asia-partnership-08"),
                select(source, "passage"));
        update("DELETE DATA { GRAPH passage:soulguide-india-central-asia-partnership-08 { "
                + "meeting:india-central-asia-dialogue-5 ica:hadParticipant state:uzbekistan } }");
        assertEquals(List.of(), select(source, "passage"));
        assertEquals(List.of(), select("state:uzbekistan ica:participatedIn ?m FILTER(?m = meeting:india-central-asia-dialogue-5)", "m"));
    }

    @Test
    void a_meeting_dated_by_month_gets_bounds_a_date_filter_finds_and_a_new_date_moves_them() {
        update("INSERT DATA { " + FIFTH + " }");
        assertEquals(List.of("2026-03-01"),
                select("meeting:india-central-asia-dialogue-5 ica:startsOn ?d", "d"));
        assertEquals(List.of("2026-03-31"),
                select("meeting:india-central-asia-dialogue-5 ica:endsOn ?d", "d"));
        String since2026 = "?m a ica:Meeting ; ica:startsOn ?s FILTER(?s >= \"2026-01-01\"^^xsd:date)";
        assertEquals(List.of("https://w3id.org/ica-kg/id/meeting/india-central-asia-dialogue-5"), select(since2026, "m"));

        update("DELETE DATA { GRAPH passage:soulguide-india-central-asia-partnership-08 { "
                + "meeting:india-central-asia-dialogue-5 ica:date \"2026-03\"^^xsd:gYearMonth } } ;"
                + "INSERT DATA { GRAPH passage:soulguide-india-central-asia-partnership-08 { "
                + "meeting:india-central-asia-dialogue-5 ica:date \"2025-12-09\"^^xsd:date } }");
        assertEquals(List.of(), select(since2026, "m"), "the old bounds are gone");
        assertEquals(List.of("2025-12-09"),
                select("meeting:india-central-asia-dialogue-5 ica:endsOn ?d", "d"));
    }
}
