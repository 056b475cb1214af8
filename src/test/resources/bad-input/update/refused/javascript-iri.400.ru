INSERT DATA { GRAPH <https://w3id.org/ica-kg/id/passage/x-01> { <https://w3id.org/ica-kg/id/state/india> <http://www.w3.org/2000/01/rdf-schema#seeAlso> <javascript:alert(1)> } }
