"""The takeout tab against a real desk and the training platform, driven as a clerk drives it.

Each test starts from a counter with the dictionaries synced, one department,
and bags received from the training hospital's bills; the clerk types, picks,
scans and submits, and the outbox is drained to the training platform.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pytest
from desk_jobs import DeskJobs
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot
from takeout_scene import (
    CLERK,
    RED_CELLS,
    answer,
    choose,
    drain,
    expired,
    feedback,
    fill_request,
    find_bags,
    fresh,
    pick,
    platform_takeouts,
    receive,
    scan,
    submit,
    sync_dictionaries,
    type_text,
)

from desktop.domain.codes import Abo, Rh, TakeoutType
from desktop.domain.models import HandoverDetailInfo
from desktop.store import audit
from desktop.store.outbox import Outbox
from desktop.training.seed import TRAINING_HOSPITAL_ID
from desktop.ui.desk import Desk
from desktop.ui.models.takeout_models import PickerChoice
from desktop.ui.operator import Operator, OperatorDialog
from desktop.ui.scan_feedback import FeedbackLevel
from desktop.ui.tabs.takeout import TakeoutTab
from desktop.ui.takeout.issue_check import PatientGroups
from desktop.ui.takeout.submission import OVERRIDE_ACTION

PLASMA = "E2636V00"
OTHER_HOSPITAL = 31010102
HOSPITAL_NAME = "上海交通大学医学院附属第九人民医院"

# What the offscreen platform cannot do for popups and dialogs; harmless in tests.
OFFSCREEN_LIMITS = "This plugin does not support (propagateSizeHints|raise|grabbing the keyboard)"
pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_LIMITS)


@dataclass(frozen=True)
class Counter:
    """The stocked counter: the tab, and the bags a test scans."""

    tab: TakeoutTab
    a_red: HandoverDetailInfo
    o_red: HandoverDetailInfo
    b_red: HandoverDetailInfo
    a_plasma: HandoverDetailInfo
    a_red_second: HandoverDetailInfo
    expired: HandoverDetailInfo


@pytest.fixture
def counter(qtbot: QtBot, desk: Desk, jobs: DeskJobs) -> Counter:
    sync_dictionaries(jobs)
    bags = find_bags(
        jobs,
        [
            fresh(RED_CELLS, Abo.A, Rh.POSITIVE),
            fresh(RED_CELLS, Abo.O, Rh.POSITIVE),
            fresh(RED_CELLS, Abo.B, Rh.POSITIVE),
            fresh(PLASMA, Abo.A, Rh.POSITIVE),
            fresh(RED_CELLS, Abo.A, Rh.POSITIVE),
            expired,
        ],
    )
    receive(jobs, bags)
    assert not drain(jobs).needs_attention
    desk.set_operator(Operator(CLERK.name, CLERK.staff_number))
    tab = TakeoutTab(desk)
    qtbot.addWidget(tab)
    tab.show()
    qtbot.waitUntil(lambda: tab.bags.ready)
    return Counter(tab, *bags)


# -- the tests -------------------------------------------------------------------------------


def test_three_bags_issued_and_an_incompatible_one_refused(
    qtbot: QtBot, counter: Counter, jobs: DeskJobs
) -> None:
    tab = counter.tab
    fill_request(qtbot, tab)
    scan(qtbot, tab, counter.a_red)
    assert feedback(tab)[0] is FeedbackLevel.OK
    scan(qtbot, tab, counter.o_red)
    assert feedback(tab)[0] is FeedbackLevel.WARNING  # compatible, not identical: confirm
    answer(qtbot, tab)
    scan(qtbot, tab, counter.a_plasma)
    scan(qtbot, tab, counter.b_red)
    level, text = feedback(tab)
    assert level is FeedbackLevel.REFUSED
    assert "ABO血型不相容" in text
    listed = tab.bags.model.bag_ids()
    assert listed == [bag.blood_bag_id for bag in (counter.a_red, counter.o_red, counter.a_plasma)]
    submit(qtbot, tab)
    assert tab.bags.model.rowCount() == 0
    assert not drain(jobs).needs_attention
    (document,) = platform_takeouts(jobs)
    assert document["outStock"]["type"] == 1005
    assert document["outStock"]["depId"] == 1203
    assert [line["bloodBagId"] for line in document["outStock"]["details"]] == listed
    record = document["transfusionApply"]["medicalRecord"]
    assert (record["name"], record["bloodGroup"], record["disCode"]) == ("王五", "A", "K92.2")
    assert document["transfusionApply"]["optName"] == CLERK.name
    platform_stock = jobs.training().stock(TRAINING_HOSPITAL_ID)
    assert not set(listed) & set(platform_stock)
    assert counter.b_red.blood_bag_id in platform_stock
    qtbot.waitUntil(
        lambda: "已上传" in tab.delivery.text() or "acknowledged" in tab.delivery.text()
    )


def test_rh_negative_patient_needs_an_audited_override(
    qtbot: QtBot, counter: Counter, jobs: DeskJobs
) -> None:
    tab = counter.tab
    fill_request(qtbot, tab, rh="1")
    scan(qtbot, tab, counter.a_red)
    answer(qtbot, tab, issue=False)
    assert tab.bags.model.rowCount() == 0
    assert feedback(tab)[0] is FeedbackLevel.REFUSED
    scan(qtbot, tab, counter.a_red)
    dialog = tab.bags.asking
    assert dialog is not None
    assert "RhD阴性患者" in dialog.why.text()
    answer(qtbot, tab, reason="大出血抢救，无RhD阴性库存，家属已签字")
    line = tab.bags.model.row(0)
    assert line.override_reason == "大出血抢救，无RhD阴性库存，家属已签字"
    submit(qtbot, tab)
    entries = jobs.db(lambda store: audit.entries(store.conn))
    overrides = [entry for entry in entries if entry.action == OVERRIDE_ACTION]
    assert len(overrides) == 1
    detail = json.loads(overrides[0].detail)
    assert detail["bag"] == counter.a_red.blood_bag_id
    assert detail["reason"] == line.override_reason
    assert detail["patientGroups"] == "A/1"
    assert overrides[0].operator == CLERK
    assert not drain(jobs).needs_attention
    (takeout,) = platform_takeouts(jobs)
    description = takeout["outStock"]["description"]
    assert line.override_reason in description
    assert f"{CLERK.name}（{CLERK.staff_number}）" in description


def test_validation_errors_show_next_to_their_fields(qtbot: QtBot, counter: Counter) -> None:
    tab = counter.tab
    fill_request(qtbot, tab, cardno="")
    submit_key = (Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(tab.bags.scan_field, *submit_key)
    errors = tab.errors
    assert errors.message("transfusionApply.medicalRecord.cardno") == "必填项：请填写患者证件号码。"
    assert "出库血袋" in errors.message("outStock.details")
    assert QApplication.focusWidget() is tab.request.record.field("cardno")
    type_text(qtbot, tab.request.record.field("cardno"), "310101198001011234")
    scan(qtbot, tab, counter.a_red)
    submit(qtbot, tab)
    assert errors.message("transfusionApply.medicalRecord.cardno") == ""


def his_request(**record: object) -> dict[str, object]:
    patient = {
        "originalId": "BA2026009999",
        "cardtype": "01",
        "cardno": "310101199002023456",
        "name": "李四",
        "sex": "2",
        "age": 36,
        "ageType": "0",
        "opEmHpMark": "3",
        "opEmHpNo": "ZY2026009999",
        "disCode": "K92.2",
        "disName": "消化系统的其他疾病，胃肠出血，未特指",
        "diagnose": "消化道出血",
        "bloodGroup": "O",
        "rhBloodGroup": "阳性",
        **record,
    }
    return {
        "transfusionApply": {
            "originalId": "SQ2026009999",
            "medicalRecord": patient,
            "transReason": "0",
            "property": 3,
            "interoperativeTrans": False,
            "dptId": 1203,
            "ward": 12,
            "bedno": "12-3",
            "disName": patient["disName"],
            "transfusionApplyBloods": [
                {
                    "bloodSubType": 202,
                    "bloodGroup": "O",
                    "rhBloodGroup": "2",
                    "bloodVolume": 2,
                    "bloodUnit": "U",
                    "mlVolume": 400,
                }
            ],
        }
    }


def import_file(qtbot: QtBot, tab: TakeoutTab, path: Path) -> None:
    before = tab.import_status.text()
    tab.import_request(path)
    qtbot.waitUntil(lambda: tab.import_status.text() not in ("", before))


def test_a_his_request_is_imported(
    qtbot: QtBot, counter: Counter, jobs: DeskJobs, tmp_path: Path
) -> None:
    tab = counter.tab
    path = tmp_path / "his.json"
    path.write_text(json.dumps(his_request(), ensure_ascii=False), encoding="utf-8-sig")
    import_file(qtbot, tab, path)
    record = tab.request.record
    assert record.field("name").wire_value() == "李四"
    assert record.patient_groups() == PatientGroups(Abo.O, Rh.POSITIVE)
    qtbot.waitUntil(lambda: "消化内科" in tab.request.department.text())
    assert tab.request.products.model.rowCount() == 1
    scan(qtbot, tab, counter.o_red)
    assert tab.bags.model.rowCount() == 1  # O to O: identical, no question
    submit(qtbot, tab)
    assert not drain(jobs).needs_attention
    (takeout,) = platform_takeouts(jobs)
    apply = takeout["transfusionApply"]
    assert apply["originalId"] == "SQ2026009999"
    assert apply["medicalRecord"]["rhBloodGroup"] == "2"


def test_a_his_request_without_operator_and_time_imports_cleanly(
    qtbot: QtBot, counter: Counter, tmp_path: Path
) -> None:
    """A HIS does not know who will issue the blood, or when: the desk fills both at submit."""
    tab = counter.tab
    request = his_request()
    request.pop("optName", None)
    request.pop("optDatetime", None)
    path = tmp_path / "his.json"
    path.write_text(json.dumps(request, ensure_ascii=False), encoding="utf-8")
    import_file(qtbot, tab, path)
    assert tab.import_status.text() == tab.tr("Request imported: check it, then scan the bags.")
    assert not tab.errors.message("transfusionApply.optName")


def test_a_wrong_his_request_shows_its_errors(
    qtbot: QtBot, counter: Counter, tmp_path: Path
) -> None:
    tab = counter.tab
    path = tmp_path / "his.json"
    path.write_text(json.dumps(his_request(cardno="", sex="7"), ensure_ascii=False))
    import_file(qtbot, tab, path)
    errors = tab.errors
    assert "患者证件号码" in errors.message("transfusionApply.medicalRecord.cardno")
    assert "患者性别" in errors.message("transfusionApply.medicalRecord.sex")
    assert tab.request.record.field("name").wire_value() == "李四"
    broken = tmp_path / "broken.json"
    broken.write_bytes(b"{not json")
    import_file(qtbot, tab, broken)
    assert "JSON" in errors.general_message()


def test_transfer_out_to_another_hospital(qtbot: QtBot, counter: Counter, jobs: DeskJobs) -> None:
    tab = counter.tab
    choose(qtbot, tab.kind, "1002")
    assert tab.takeout_type() is TakeoutType.TRANSFER_OUT
    assert not tab.request_area.isVisible()
    pick(qtbot, tab.hospital, "第九人民")
    assert tab.hospital.choice() == PickerChoice(
        str(OTHER_HOSPITAL), HOSPITAL_NAME, str(OTHER_HOSPITAL)
    )
    scan(qtbot, tab, counter.a_plasma)
    scan(qtbot, tab, counter.b_red)  # no patient on a transfer: any group goes
    submit(qtbot, tab)
    assert not drain(jobs).needs_attention
    (takeout,) = platform_takeouts(jobs)
    out_stock = takeout["outStock"]
    assert (out_stock["type"], out_stock["otherhosId"]) == (1002, OTHER_HOSPITAL)
    assert "transfusionApply" not in takeout


def test_an_expired_bag_is_refused_but_can_be_scrapped(
    qtbot: QtBot, counter: Counter, jobs: DeskJobs
) -> None:
    tab = counter.tab
    fill_request(qtbot, tab)
    scan(qtbot, tab, counter.expired)
    level, text = feedback(tab)
    assert level is FeedbackLevel.REFUSED
    assert "过期" in text
    choose(qtbot, tab.kind, "1007")
    scan(qtbot, tab, counter.expired)
    assert tab.bags.model.bag_ids() == [counter.expired.blood_bag_id]
    qtbot.keyClick(tab.bags.scan_field, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert "报废原因" in tab.errors.message("outStock.description")
    type_text(qtbot, tab.remark, "过期")
    submit(qtbot, tab)
    assert not drain(jobs).needs_attention
    (takeout,) = platform_takeouts(jobs)
    out_stock = takeout["outStock"]
    assert (out_stock["type"], out_stock["description"]) == (1007, "过期")


def test_changing_the_patient_blocks_bags_checked_for_another(
    qtbot: QtBot, counter: Counter
) -> None:
    tab = counter.tab
    fill_request(qtbot, tab)
    scan(qtbot, tab, counter.a_red)
    choose(qtbot, tab.request.record.abo, "B")
    assert not tab.bags.model.row(0).issuable
    qtbot.keyClick(tab.bags.scan_field, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert counter.a_red.blood_bag_id in tab.errors.message("outStock.details")
    tab.bags.remove(0)
    scan(qtbot, tab, counter.a_red)
    assert tab.bags.model.rowCount() == 0  # A red cells for a B patient: refused


def test_the_form_survives_a_restart_as_an_encrypted_draft(
    qtbot: QtBot, counter: Counter, desk: Desk, jobs: DeskJobs
) -> None:
    tab = counter.tab
    type_text(qtbot, tab.request.record.field("name"), "赵六")
    choose(qtbot, tab.request.record.abo, "O")
    qtbot.waitUntil(lambda: _draft_saved(jobs))
    stored = jobs.db(lambda store: store.conn.execute("SELECT payload FROM draft").fetchone()[0])
    assert "赵六" not in stored
    restarted = TakeoutTab(desk)
    qtbot.addWidget(restarted)
    qtbot.waitUntil(lambda: restarted.request.record.field("name").wire_value() == "赵六")
    assert restarted.request.record.abo.wire_value() == "O"


def _draft_saved(jobs: DeskJobs) -> bool:
    row = jobs.db(lambda store: store.conn.execute("SELECT COUNT(*) FROM draft").fetchone())
    return bool(row[0])


def test_without_an_operator_the_tab_asks_first(
    qtbot: QtBot, counter: Counter, desk: Desk, jobs: DeskJobs
) -> None:
    tab = counter.tab
    desk.set_operator(None)
    choose(qtbot, tab.kind, "252")
    scan(qtbot, tab, counter.a_plasma)
    qtbot.keyClick(tab.bags.scan_field, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: tab.findChild(OperatorDialog) is not None)
    dialog = tab.findChild(OperatorDialog)
    assert isinstance(dialog, OperatorDialog)
    name, number = dialog.findChildren(QLineEdit)[:2]
    type_text(qtbot, name, "钱七")
    type_text(qtbot, number, "0456")
    qtbot.keyClick(number, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "CK" in tab.delivery.text(), timeout=10_000)
    assert desk.operator == Operator("钱七", "0456")
    item = jobs.db(lambda store: Outbox(store, desk.settings.workstation).items()[-1])
    assert item.operator.staff_number == "0456"
