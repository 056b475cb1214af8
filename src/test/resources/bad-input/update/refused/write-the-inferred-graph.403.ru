INSERT DATA { GRAPH <https://w3id.org/ica-kg/graph/inferred> { <https://w3id.org/ica-kg/id/state/india> <http://www.w3.org/2000/01/rdf-schema#comment> "x" } }
