"""Drafts: forms in progress, encrypted, listed without decrypting."""

from __future__ import annotations

from datetime import timedelta

from stores import START, FixedClock

from desktop.store.database import Store
from desktop.store.drafts import DraftInfo, delete_draft, drafts, load_draft, save_draft


def test_save_load_replace_delete(store: Store, clock: FixedClock) -> None:
    assert load_draft(store, "takeout", "CK-1") is None
    save_draft(store, "takeout", "CK-1", {"patient": "测试患者甲", "bags": ["B1"]})
    clock.advance(timedelta(minutes=5))
    save_draft(store, "takeout", "CK-1", {"patient": "测试患者甲", "bags": ["B1", "B2"]})
    assert load_draft(store, "takeout", "CK-1") == {"patient": "测试患者甲", "bags": ["B1", "B2"]}
    assert drafts(store) == [DraftInfo("takeout", "CK-1", START + timedelta(minutes=5))]
    assert delete_draft(store, "takeout", "CK-1") is True
    assert delete_draft(store, "takeout", "CK-1") is False
    assert load_draft(store, "takeout", "CK-1") is None


def test_drafts_by_form_latest_first(store: Store, clock: FixedClock) -> None:
    save_draft(store, "receive", "FX1", [])
    clock.advance(timedelta(minutes=1))
    save_draft(store, "takeout", "CK-1", {})
    clock.advance(timedelta(minutes=1))
    save_draft(store, "receive", "FX2", [])
    assert [d.key for d in drafts(store)] == ["FX2", "CK-1", "FX1"]
    assert [d.key for d in drafts(store, "receive")] == ["FX2", "FX1"]


def test_the_payload_is_stored_encrypted(store: Store) -> None:
    save_draft(store, "takeout", "CK-1", {"patient": "测试患者甲"})
    with store.read() as conn:
        (payload,) = conn.execute("SELECT payload FROM draft").fetchone()
    assert payload.startswith("v1:")
    assert "测试患者甲" not in payload
    assert store.cipher.decrypt_json(payload) == {"patient": "测试患者甲"}


def test_a_draft_can_be_dropped_inside_a_larger_transaction(store: Store) -> None:
    save_draft(store, "receive", "FX1", [])
    with store.transaction():
        delete_draft(store, "receive", "FX1")
    assert drafts(store) == []
