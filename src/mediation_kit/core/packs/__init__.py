"""Reading, validating and importing content packs."""
