INSERT DATA { state:india rdfs:comment "x" }
