"""`blood-desk --self-test`: what hospital IT runs after installing, frozen build or source.

Against a training platform started on a free loopback port, in a throwaway
data directory: authenticate, sync the dictionaries, fetch a bill, receive two
bags, take one out, cancel that takeout, drain the outbox, and check that the
outbox is empty and the platform holds exactly those records. The window step
(open and close the main window headless) is added by the composition root,
since this layer never loads Qt.
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop.config.settings import load_settings
from desktop.connection import Connection, connect
from desktop.store.audit import Operator
from desktop.store.database import Store
from desktop.store.outbox import Outbox
from desktop.store.sender import OutboxSender
from desktop.store.sync import poll_dispatch, sync_dictionaries

SELF_TEST_OPERATOR = Operator("自检", "self-test")
_WORKSTATION = "SELFTEST"


class SelfTestError(Exception):
    """A step found something wrong; the message says what."""


@dataclass
class StepResult:
    name: str
    ok: bool
    detail: str
    seconds: float


@dataclass
class _Scene:
    connection: Connection
    store: Store
    outbox: Outbox
    facts: dict[str, Any] = field(default_factory=dict)


Step = tuple[str, Callable[[_Scene], str]]


def _authenticate(scene: _Scene) -> str:
    scene.connection.tokens.token()
    return "token obtained"


def _sync(scene: _Scene) -> str:
    counts = sync_dictionaries(scene.store, scene.connection.client)
    return ", ".join(f"{name} {count}" for name, count in counts.items())


def _fetch_bill(scene: _Scene) -> str:
    poll_dispatch(scene.store, scene.connection.client)
    entries = scene.connection.client.dispatch_list()
    if not entries:
        raise SelfTestError("the dispatch list is empty")
    bill = scene.connection.client.list_bill_detail(entries[-1].id)
    now = scene.store.now()
    usable = [bag for bag in bill.blood_bags if bag.expiration and bag.expiration > now]
    if len(usable) < 2:
        raise SelfTestError(f"bill {bill.id} has fewer than two usable bags")
    scene.facts.update(bill=bill, bags=usable[:2])
    return f"bill {bill.id} with {len(bill.blood_bags)} bags"


def _receive(scene: _Scene) -> str:
    bill, bags = scene.facts["bill"], scene.facts["bags"]
    now = scene.store.now()
    document = {
        "type": 151,
        "refId": bill.id,
        "receiver": SELF_TEST_OPERATOR.staff_number,
        "createTime": now,
        "receiveTime": now,
        "bloodBags": [{"bloodBagId": bag.blood_bag_id} for bag in bags],
    }
    details = [_bag_info(bag) for bag in bags]
    item = scene.outbox.submit_receive(document, details, SELF_TEST_OPERATOR)
    scene.facts["receive"] = item.number
    return f"receipt {item.number}: 2 bags"


def _bag_info(bag: Any) -> Any:
    from desktop.domain.models import BloodBagInfo  # noqa: PLC0415 - one conversion

    wire = bag.model_dump(by_alias=True, exclude_none=True)
    wire["id"] = wire.pop("bloodBagId")
    return BloodBagInfo.model_validate(wire)


def _take_out(scene: _Scene) -> str:
    bag = scene.facts["bags"][0]
    now = scene.store.now()
    form = {
        "outStock": {
            "type": 252,
            "createTime": now,
            "commitTime": now,
            "optId": SELF_TEST_OPERATOR.staff_number,
            "description": "self-test: return to the blood station",
            "details": [{"bloodBagId": bag.blood_bag_id}],
        }
    }
    item = scene.outbox.submit_takeout(form, SELF_TEST_OPERATOR)
    scene.facts["takeout"] = item.number
    return f"takeout {item.number}: 1 bag"


def _cancel(scene: _Scene) -> str:
    bag = scene.facts["bags"][0]
    cancel = {
        "refId": scene.facts["takeout"],
        "reason": "self-test",
        "time": scene.store.now(),
        "user": SELF_TEST_OPERATOR.staff_number,
        "bloodBagIds": [bag.blood_bag_id],
    }
    item = scene.outbox.submit_cancel(cancel, SELF_TEST_OPERATOR)
    return f"cancel {item.number}"


def _drain(scene: _Scene) -> str:
    report = OutboxSender(scene.outbox, scene.connection.client).drain()
    counts = scene.outbox.counts()
    if counts.unacknowledged:
        raise SelfTestError(f"the outbox still holds {counts.unacknowledged} records: {report}")
    return f"{len(report.acknowledged)} records acknowledged, outbox empty"


def _platform_holds_them(scene: _Scene) -> str:
    training = scene.connection.training
    if training is None:
        raise SelfTestError("not on the training platform")
    held = training.state.snapshot()
    receipts = [
        r for r in held["receipts"] if r["document"]["internalId"] == scene.facts["receive"]
    ]
    takeouts = [
        t for t in held["takeouts"] if t["document"]["outStock"]["refId"] == scene.facts["takeout"]
    ]
    cancels = held["cancels"]
    if (len(receipts), len(takeouts), len(cancels)) != (1, 1, 1) or len(held["receipts"]) != 1:
        raise SelfTestError(
            f"the platform holds {len(held['receipts'])} receipts, {len(held['takeouts'])} "
            f"takeouts, {len(cancels)} cancels; expected exactly 1, 1, 1"
        )
    return "the platform holds exactly 1 receipt, 1 takeout, 1 cancel"


STEPS: tuple[Step, ...] = (
    ("authenticate", _authenticate),
    ("sync dictionaries", _sync),
    ("fetch a bill", _fetch_bill),
    ("receive two bags", _receive),
    ("take one out", _take_out),
    ("cancel the takeout", _cancel),
    ("drain the outbox", _drain),
    ("platform holds exactly those", _platform_holds_them),
)


def run_platform_steps() -> list[StepResult]:
    """Every step in order, stopping at the first failure."""
    results: list[StepResult] = []
    with tempfile.TemporaryDirectory(prefix="blood-desk-self-test-") as folder:
        started = time.perf_counter()
        settings = load_settings({"data_dir": Path(folder)}, environ={})
        with connect(settings) as connection, Store.open(settings.data_dir) as store:
            results.append(
                StepResult(
                    "start training platform", True, "loopback", time.perf_counter() - started
                )
            )
            scene = _Scene(connection, store, Outbox(store, _WORKSTATION))
            for name, step in STEPS:
                results.append(_run(name, step, scene))
                if not results[-1].ok:
                    break
    return results


def _run(name: str, step: Callable[[_Scene], str], scene: _Scene) -> StepResult:
    started = time.perf_counter()
    try:
        detail = step(scene)
    except Exception as error:
        message = getattr(error, "message_en", None) or f"{type(error).__name__}: {error}"
        return StepResult(name, False, message, time.perf_counter() - started)
    return StepResult(name, True, detail, time.perf_counter() - started)


def print_report(results: list[StepResult]) -> bool:
    for result in results:
        mark = "ok  " if result.ok else "FAIL"
        print(f"[{mark}] {result.name:<30} {result.seconds * 1000:7.0f} ms  {result.detail}")
    passed = all(result.ok for result in results)
    print("self-test passed / 自检通过" if passed else "self-test FAILED / 自检失败")
    return passed
