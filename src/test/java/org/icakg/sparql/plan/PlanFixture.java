package org.icakg.sparql.plan;

import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.icakg.sparql.QueryLibrary;
import org.icakg.store.Stores;

/** The small graph {@code plans/graph.trig} in the service's in-memory store, with the query planner installed. */
record PlanFixture(DatasetGraph dataset, PlanStatistics statistics) {

    static PlanFixture load() {
        DatasetGraph dsg = Stores.inMemory();
        PlanStatistics statistics = QueryPlans.install(dsg);
        Txn.executeWrite(dsg, () -> RDFDataMgr.read(dsg, "plans/graph.trig"));
        return new PlanFixture(dsg, statistics);
    }

    /** A query of the test resources {@code plans/NAME.rq}. */
    static Query query(String name) {
        return QueryFactory.create(QueryLibrary.text("plans/" + name + ".rq"));
    }
}
