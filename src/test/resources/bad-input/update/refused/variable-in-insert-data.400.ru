INSERT DATA { ?s <urn:x:b> "c" }
