INSRT DATA { <urn:x:a> <urn:x:b> "c" }
