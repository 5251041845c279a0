"""The numbered schema migrations, in order: one module per step, registered below.

To add a step, write `mNNNN_name.py` with an `apply(conn)` that runs its SQL
through `run_script`, and append `Migration(NNNN, "name", mNNNN_name.apply)`
to `MIGRATIONS`. Never edit or renumber a step that has shipped: databases at
the counters are already past it.
"""

from desktop.store.migrations import m0001_initial, m0002_outbox
from desktop.store.migrations.base import Migration, run_script

MIGRATIONS: list[Migration] = [
    Migration(1, "initial", m0001_initial.apply),
    Migration(2, "outbox", m0002_outbox.apply),
]

__all__ = ["MIGRATIONS", "Migration", "run_script"]
