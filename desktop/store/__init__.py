"""The local store: the SQLite cache, the durable outbox and the sync engine."""
