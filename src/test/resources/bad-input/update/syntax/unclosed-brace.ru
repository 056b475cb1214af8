INSERT DATA {
  GRAPH <https://w3id.org/ica-kg/id/passage/x-01> { <urn:x:a> <urn:x:b> "c" }
