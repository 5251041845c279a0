"""The local store: the SQLite cache, the durable outbox and the sync engine.

`database.Store` owns the file; `migrations` its schema; `dictionaries` and
`search` the platform's dictionaries; `departments` the hospital's own;
`bills` the handover bills; `stock` the hospital's stock ledger; `drafts`,
`audit`, `sequences` and `retention` the desk's own records. See
docs/architecture.md, "The local store".
"""
