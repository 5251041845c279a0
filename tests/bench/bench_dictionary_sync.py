"""Benchmark: full dictionary sync of the large training data set over loopback.

Compares the desk's sync (PlatformClient: envelope from the WSDL, httpx, lxml,
pydantic validation, then `replace_dictionary` into the store with its search
index) with the raw cost of the same SOAP answers: plain httpx, lxml parse, the
element texts into one `executemany`. The training platform runs in its own
process. Prints medians over several runs and the ratio (goal ≤ 1.5×).

    .venv/bin/python tests/bench/bench_dictionary_sync.py [--runs 5]
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import httpx
from lxml import etree
from training_process import training_process

from desktop.config.settings import load_settings
from desktop.connection import Connection, connect
from desktop.store.database import Store
from desktop.store.dictionaries import Dictionary, replace_dictionary

OPERATIONS = {
    "listAllBlood": (Dictionary.BLOOD, "list_all_blood"),
    "listAllBloodType": (Dictionary.BLOOD_TYPE, "list_all_blood_type"),
    "listAllBloodSubType": (Dictionary.BLOOD_SUB_TYPE, "list_all_blood_sub_type"),
    "listAllFacilities": (Dictionary.FACILITY, "list_all_facilities"),
    "listAllDisease": (Dictionary.DISEASE, "list_all_disease"),
}


def desk_sync(connection: Connection, folder: Path) -> float:
    """A full sync into an empty store (an unchanged re-sync is much cheaper: it is skipped)."""
    with tempfile.TemporaryDirectory(dir=folder) as data_dir, Store.open(Path(data_dir)) as store:
        started = time.perf_counter()
        for dictionary, method in OPERATIONS.values():
            rows = getattr(connection.client, method)()
            replace_dictionary(store, dictionary, rows)
        return time.perf_counter() - started


def desk_resync(connection: Connection, store: Store) -> float:
    started = time.perf_counter()
    for dictionary, method in OPERATIONS.values():
        replace_dictionary(store, dictionary, getattr(connection.client, method)())
    return time.perf_counter() - started


def raw_sync(connection: Connection, database: sqlite3.Connection) -> float:
    description = connection.client.description()
    headers = {
        "Authorization": f"Bearer {connection.tokens.token()}",
        "Content-Type": "text/xml; charset=utf-8",
        "SOAPAction": '""',
    }
    url = connection.settings.service_url or ""
    started = time.perf_counter()
    for operation in OPERATIONS:
        answer = httpx.post(url, content=description.render_request(operation, []), headers=headers)
        root = etree.fromstring(answer.content)
        rows = [tuple(child.text for child in row) for row in root.iter("return")]
        width = max(len(row) for row in rows)
        table = f"raw_{operation}"
        database.execute(f"DROP TABLE IF EXISTS {table}")
        database.execute(f"CREATE TABLE {table} ({', '.join(f'c{i}' for i in range(width))})")
        with database:
            database.executemany(
                f"INSERT INTO {table} VALUES ({', '.join('?' for _ in range(width))})",
                [row + (None,) * (width - len(row)) for row in rows],
            )
    return time.perf_counter() - started


def median_of(runs: int, measure: Callable[[], float]) -> float:
    measure()  # warm-up: WSDL, token, connection pool, the platform's rendered answers
    return statistics.median(measure() for _ in range(runs))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    with training_process("--size", "large") as urls, tempfile.TemporaryDirectory() as folder:
        settings = load_settings(
            {
                "data_dir": folder,
                "token_url": urls["token_url"],
                "service_url": urls["service_url"],
                "dispatch_url": urls["dispatch_url"],
                "client_id": urls["client_id"],
                "client_secret": urls["client_secret"],
            },
            environ={},
        )
        with connect(settings) as connection:
            store = Store.open(Path(folder) / "desk")
            raw_database = sqlite3.connect(Path(folder) / "raw.db")
            try:
                desk = median_of(runs, lambda: desk_sync(connection, Path(folder)))
                resync = median_of(runs, lambda: desk_resync(connection, store))
                raw = median_of(runs, lambda: raw_sync(connection, raw_database))
            finally:
                store.close()
                raw_database.close()
    print(f"dictionary sync, large data set (50,000 diseases), median of {runs} runs")
    print(f"  desk sync : {desk * 1000:8.0f} ms  (into an empty store, search index built)")
    print(
        f"  re-sync   : {resync * 1000:8.0f} ms  (unchanged dictionaries: fetched, validated, skipped)"
    )
    print(f"  raw cost  : {raw * 1000:8.0f} ms  (httpx + lxml + one executemany)")
    print(f"  ratio     : {desk / raw:8.2f} x  (goal <= 1.5)")


if __name__ == "__main__":
    main()
