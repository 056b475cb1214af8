package org.icakg.sparql.plan;

import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.icakg.bench.SyntheticGraph;
import org.icakg.sparql.QueryLibrary;
import org.icakg.store.Stores;

/** The benchmark's synthetic graph in the service's in-memory store, with the query planner installed. */
record SyntheticStore(DatasetGraph dataset, PlanStatistics statistics, SyntheticGraph graph) {

    static SyntheticStore of(long triples) {
        DatasetGraph dsg = Stores.inMemory();
        PlanStatistics statistics = QueryPlans.install(dsg);
        SyntheticGraph graph = new SyntheticGraph(triples, SyntheticGraph.DEFAULT_SEED);
        Txn.executeWrite(dsg, () -> graph.generate(StreamRDFLib.dataset(dsg), n -> { }));
        return new SyntheticStore(dsg, statistics, graph);
    }

    /** A query of the test resources {@code plans/NAME.rq}. */
    static Query query(String name) {
        return QueryFactory.create(QueryLibrary.text("plans/" + name + ".rq"));
    }
}
