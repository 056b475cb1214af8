INSERT DATA { GRAPH <https://w3id.org/ica-kg/id/passage/x-01> { <https://w3id.org/ica-kg/id/state/atlantis> a <https://w3id.org/ica-kg/ontology#State> } }
