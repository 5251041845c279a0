"""Patient data at rest: a patient's name and ID number appear in no file of the data directory."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from stores import open_store

from desktop.config.logging_setup import configure_logging
from desktop.store.database import DB_FILE_NAME, Store
from desktop.store.drafts import load_draft, save_draft
from desktop.store.migrate import backups
from desktop.store.migrations import MIGRATIONS, Migration

PATIENT_NAME = "测试患者甲"
PATIENT_ID = "310101199001011234"
ENCODINGS = ("utf-8", "utf-16-le", "utf-16-be", "gb18030")


def form(number: int) -> dict[str, object]:
    return {
        "medicalRecord": {"name": PATIENT_NAME, "cardno": PATIENT_ID, "cardtype": "01"},
        "diagnose": "上消化道出血",
        "draft": number,
    }


def leaks(data_dir: Path) -> list[str]:
    """Every (file, encoding) in which the name or the ID number can be found."""
    found = []
    for path in sorted(p for p in data_dir.rglob("*") if p.is_file()):
        content = path.read_bytes()
        for encoding in ENCODINGS:
            for secret in (PATIENT_NAME, PATIENT_ID):
                if secret.encode(encoding) in content:
                    found.append(f"{path.name}: {secret} as {encoding}")
    return found


@pytest.fixture
def debug_log(data_dir: Path) -> Iterator[Path]:
    root = logging.getLogger()
    level = root.level
    path = configure_logging(data_dir, debug=True)
    yield path
    for handler in [h for h in root.handlers if Path(getattr(h, "baseFilename", "")) == path]:
        root.removeHandler(handler)
        handler.close()
    root.setLevel(level)


def write_drafts(store: Store) -> None:
    for number in range(20):
        save_draft(store, "takeout", f"CK-{number}", form(number))
    save_draft(store, "takeout", "CK-0", form(99))
    assert load_draft(store, "takeout", "CK-0") == form(99)


def test_drafts_leave_no_plaintext_in_the_database_its_wal_or_the_logs(
    data_dir: Path, debug_log: Path
) -> None:
    store = open_store(data_dir)
    try:
        write_drafts(store)
        assert (data_dir / f"{DB_FILE_NAME}-wal").stat().st_size > 0
        assert leaks(data_dir) == []
    finally:
        store.close()
    assert debug_log.exists()
    assert leaks(data_dir) == []


def test_nor_in_a_backup_or_with_the_default_key(data_dir: Path) -> None:
    with Store.open(data_dir) as store:
        write_drafts(store)
    extra = Migration(len(MIGRATIONS) + 1, "test_column", lambda conn: None)
    Store.open(data_dir, migrations=[*MIGRATIONS, extra]).close()
    assert backups(data_dir / DB_FILE_NAME)
    assert leaks(data_dir) == []


def test_the_search_itself_finds_plaintext(data_dir: Path) -> None:
    """The check above would see the name if it were there."""
    data_dir.mkdir()
    for encoding in ENCODINGS:
        (data_dir / f"plain-{encoding}.txt").write_bytes(PATIENT_NAME.encode(encoding))
    assert len(leaks(data_dir)) == len(ENCODINGS)
