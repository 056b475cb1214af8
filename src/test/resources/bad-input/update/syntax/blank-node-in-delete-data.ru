DELETE DATA { _:b <urn:x:b> "c" }
