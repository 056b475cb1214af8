INSERT DATA { <https://w3id.org/ica-kg/id/state/in dia> <urn:x:b> "c" }
