"""Benchmark: search-as-you-type over 50,000 diseases, and replacing them.

Types a few queries one keystroke at a time (each prefix is one search, as
the form runs it) against the large training data set in a fresh store, and
prints the median and 95th percentile per keystroke; also the time to load
the 50,000 diseases into an empty store and to re-sync them unchanged.
Goal: well under 30 ms per keystroke, under 0.5 s per load.

    .venv/bin/python tests/bench/bench_dictionary_search.py [--repeat 50]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from desktop.store.cipher import FieldCipher
from desktop.store.database import Store
from desktop.store.dictionaries import Dictionary, replace_dictionary
from desktop.store.search import search_diseases
from desktop.training.seed import build_world

TYPED = ("胃肠道出血", "K92.2", "k92", "消化 出血", "急性心肌梗死", "C34.9 肺", "霍乱")


def keystrokes(text: str) -> list[str]:
    return [text[:end] for end in range(1, len(text) + 1)]


def timed(call: object, *args: object) -> float:
    assert callable(call)
    started = time.perf_counter()
    call(*args)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=50, help="searches per keystroke")
    repeat = parser.parse_args().repeat
    diseases = build_world(size="large").diseases
    with tempfile.TemporaryDirectory() as folder:
        store = Store.open(Path(folder), cipher=FieldCipher(bytes(32)))
        try:
            load = timed(replace_dictionary, store, Dictionary.DISEASE, diseases)
            resync = timed(replace_dictionary, store, Dictionary.DISEASE, diseases)
            print(f"load {len(diseases)} diseases: {load * 1000:.0f} ms; "
                  f"unchanged re-sync: {resync * 1000:.0f} ms")  # fmt: skip
            print(f"{'query':<14}{'hits':>6}{'median ms':>11}{'p95 ms':>9}")
            every: list[float] = []
            for text in TYPED:
                for query in keystrokes(text):
                    times = [timed(search_diseases, store, query) for _ in range(repeat)]
                    every.extend(times)
                    hits = len(search_diseases(store, query))
                    p95 = statistics.quantiles(times, n=20)[-1]
                    print(f"{query:<14}{hits:>6}{statistics.median(times) * 1000:>11.2f}"
                          f"{p95 * 1000:>9.2f}")  # fmt: skip
            overall = statistics.quantiles(every, n=20)[-1]
            print(f"all keystrokes: median {statistics.median(every) * 1000:.2f} ms, "
                  f"p95 {overall * 1000:.2f} ms")  # fmt: skip
        finally:
            store.close()


if __name__ == "__main__":
    main()
