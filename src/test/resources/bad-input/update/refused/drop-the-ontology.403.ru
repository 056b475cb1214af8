DROP GRAPH <https://w3id.org/ica-kg/graph/ontology>
