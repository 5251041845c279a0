"""The dictionaries tab against a real desk: sync, search as you type, departments, keyboard."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from desk_jobs import DeskJobs
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.domain.models import Disease
from desktop.store import departments
from desktop.store.departments import Department
from desktop.store.dictionaries import Dictionary, replace_dictionary
from desktop.training.faults import FaultSettings
from desktop.training.seed import build_world
from desktop.ui.desk import Desk
from desktop.ui.models.dictionary_models import PAGE_SIZE, DepartmentColumn, DiseaseColumn
from desktop.ui.tabs.departments import DepartmentDialog
from desktop.ui.tabs.dictionaries import DictionariesTab

SYNC_TIMEOUT_MS = 60_000

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def tab(qtbot: QtBot, desk: Desk) -> DictionariesTab:
    widget = DictionariesTab(desk)
    qtbot.addWidget(widget)
    return widget


@pytest.fixture
def synced(tab: DictionariesTab, jobs: DeskJobs) -> DictionariesTab:
    """The tab once the desk has synced the training platform's dictionaries at start-up."""
    jobs.settle()
    return tab


def search(qtbot: QtBot, tab: DictionariesTab, text: str) -> list[Disease]:
    with qtbot.waitSignal(tab.search_finished, check_params_cb=lambda got, _n: got == text):
        if tab.search_field.text() == text:
            tab.refresh()
        else:
            tab.search_field.setText(text)
    model = tab.current.model
    return [model.row(position) for position in range(model.rowCount())]


def test_sync_now_runs_the_desks_sync_without_blocking(
    qtbot: QtBot, desk: Desk, synced: DictionariesTab
) -> None:
    synced.show_view("products")
    notices: list[str] = []
    desk.notice.connect(lambda _level, message: notices.append(message))
    with qtbot.waitSignal(synced.sync_button.finished, timeout=SYNC_TIMEOUT_MS) as finished:
        synced.sync_button.sync()
        assert synced.sync_button.running
        assert synced.sync_button.progress.isVisibleTo(synced.sync_button)
        search(qtbot, synced, "红细胞")  # the clerk can search while the sync runs
    assert finished.args == [True]
    assert not synced.sync_button.running
    assert "字典已同步。" in notices
    qtbot.waitUntil(lambda: "Synced" in synced.synced.text())
    assert synced.current.model.rowCount() > 0
    assert synced.products.data(synced.products.index(0, 4)), "classes are named"


def test_a_failed_sync_says_so(
    qtbot: QtBot, desk: Desk, synced: DictionariesTab, jobs: DeskJobs
) -> None:
    errors: list[str] = []
    desk.notice.connect(lambda level, message: errors.append(message) if level == "error" else None)
    jobs.training_platform().app.apply_faults(FaultSettings(error=1.0))
    button = synced.sync_button
    with qtbot.waitSignal(button.finished, timeout=SYNC_TIMEOUT_MS) as finished:
        button.sync()
    assert finished.args == [False]
    assert errors, "the desk shows why the platform did not answer"
    assert not button.running
    assert button.button.isEnabled()


def test_search_finds_chinese_names_and_codes(qtbot: QtBot, synced: DictionariesTab) -> None:
    synced.show_view("diseases")
    found = search(qtbot, synced, "霍乱")
    assert found
    assert all("霍乱" in disease.name for disease in found)
    by_code = search(qtbot, synced, "A00")
    assert by_code[0].code == "A00", "an exact code comes first"
    short = search(qtbot, synced, "出血")
    assert short
    assert all("出血" in disease.name for disease in short)
    assert len(short) <= PAGE_SIZE
    table_text = synced.current.table.model().index(0, DiseaseColumn.CODE).data()
    assert table_text == (short[0].code or "")


def test_an_empty_search_lists_no_diseases(qtbot: QtBot, synced: DictionariesTab) -> None:
    synced.show_view("diseases")
    assert search(qtbot, synced, "A00")
    assert search(qtbot, synced, "") == []
    assert "Type part of a name" in synced.status.text()


def test_only_the_latest_keystroke_is_shown(
    qtbot: QtBot, desk: Desk, synced: DictionariesTab
) -> None:
    synced.show_view("diseases")
    search(qtbot, synced, "A0")
    answered: list[str] = []
    synced.search_finished.connect(lambda text, _count: answered.append(text))
    for text in ("出", "出血", "霍", "霍乱"):
        synced.search_field.setText(text)  # no event loop between keystrokes: all queue up
    qtbot.waitUntil(lambda: "霍乱" in answered)
    qtbot.waitUntil(lambda: not desk.db.busy)  # every answer under way has come back
    assert answered == ["霍乱"], "answers to earlier keystrokes are dropped, not shown"
    shown = synced.current.model
    assert all("霍乱" in shown.row(row).name for row in range(shown.rowCount()))


def test_search_keeps_up_with_50000_diseases(
    qtbot: QtBot, synced: DictionariesTab, jobs: DeskJobs
) -> None:
    diseases = build_world(size="large").diseases
    assert len(diseases) == 50_000
    jobs.db(lambda store: replace_dictionary(store, Dictionary.DISEASE, diseases))
    synced.show_view("diseases")
    latencies = []
    for text in ("K", "K9", "K92", "胃", "胃肠", "胃肠道", "出血", "A0", "A00", "霍乱"):
        started = time.perf_counter()
        found = search(qtbot, synced, text)
        latencies.append(time.perf_counter() - started)
        assert len(found) <= PAGE_SIZE
    latencies.sort()
    median = latencies[len(latencies) // 2]
    print(f"search round trip over 50,000 diseases: median {median * 1000:.1f} ms, "
          f"worst {latencies[-1] * 1000:.1f} ms")  # fmt: skip
    assert median < 0.1, "a keystroke's answer shows well within a tenth of a second"


def test_keyboard_search_down_into_the_table_and_views(
    qtbot: QtBot, synced: DictionariesTab
) -> None:
    synced.show()
    qtbot.waitExposed(synced)
    synced.activateWindow()
    qtbot.waitUntil(synced.search_field.hasFocus)
    synced.show_view("facilities")
    search(qtbot, synced, "血液中心")
    qtbot.keyClick(synced.search_field, Qt.Key.Key_Down)
    table = synced.current.table
    assert table.hasFocus()
    assert table.currentIndex().row() == 0
    qtbot.keyClick(table, Qt.Key.Key_Up)
    assert synced.search_field.hasFocus()
    with qtbot.waitSignal(synced.search_finished):
        qtbot.keyClick(synced.search_field, Qt.Key.Key_5, Qt.KeyboardModifier.AltModifier)
    assert synced.current.key == "diseases"
    qtbot.keyClick(synced.search_field, Qt.Key.Key_Escape)
    assert synced.search_field.text() == ""


def test_add_a_department_and_disable_it(
    qtbot: QtBot, tab: DictionariesTab, jobs: DeskJobs
) -> None:
    tab.show_view("departments")
    actions = tab.department_actions
    assert actions is not None
    with qtbot.waitSignal(tab.search_finished):
        actions.add(Department(id=1203, name="消化内科", short_code="XHNK"))
    assert jobs.db(lambda store: departments.department(store, 1203)) is not None
    assert "消化内科" in actions.report.text()
    assert [row.name for row in search(qtbot, tab, "XHNK")] == ["消化内科"]
    actions.add(Department(id=1203, name="重名科室"))
    qtbot.waitUntil(lambda: actions.report.property("error") is True)
    assert "1203" in actions.report.text()
    search(qtbot, tab, "")
    tab.current.table.selectRow(0)
    with qtbot.waitSignal(tab.search_finished):
        actions.toggle_available()
    kept = jobs.db(lambda store: departments.department(store, 1203))
    assert kept is not None
    assert not kept.available
    assert tab.current.model.data(tab.current.model.index(0, DepartmentColumn.AVAILABLE)) == "No"


def test_csv_import_reports_the_bad_line(
    qtbot: QtBot, tab: DictionariesTab, jobs: DeskJobs, tmp_path: Path
) -> None:
    tab.show_view("departments")
    actions = tab.department_actions
    assert actions is not None
    bad = tmp_path / "bad.csv"
    bad.write_text("编号,名称,简码\n1203,消化内科,XHNK\n12x4,心内科,XNK\n", encoding="utf-8-sig")
    actions.import_file(bad)
    qtbot.waitUntil(lambda: actions.report.property("error") is True)
    assert "第 3 行" in actions.report.text() or "Line 3" in actions.report.text()
    assert jobs.db(departments.departments) == [], "a file with a bad line imports nothing"
    good = tmp_path / "good.csv"
    good.write_text("编号,名称,简码\n1203,消化内科,XHNK\n1204,心内科,XNK\n", encoding="gb18030")
    with qtbot.waitSignal(tab.search_finished):
        actions.import_file(good)
    assert actions.report.property("error") is False
    assert tab.current.model.rowCount() == 2
    missing = tmp_path / "missing.csv"
    actions.import_file(missing)
    qtbot.waitUntil(lambda: actions.report.property("error") is True)
    assert "missing.csv" in actions.report.text()


def test_department_dialog_checks_its_fields(qtbot: QtBot) -> None:
    dialog = DepartmentDialog(None)
    qtbot.addWidget(dialog)
    assert dialog.department() is None
    dialog.id_field.setText("1301")
    dialog.name_field.setText("心胸外科")
    dialog.short_code_field.setText("XXWK")
    assert dialog.department() == Department(id=1301, name="心胸外科", short_code="XXWK")
    editing = DepartmentDialog(Department(id=1301, name="心胸外科"))
    qtbot.addWidget(editing)
    assert editing.id_field.isReadOnly()
    editing.name_field.setText("  ")
    assert editing.department() is None


def test_every_view_renders_with_chinese_text(qtbot: QtBot, synced: DictionariesTab) -> None:
    synced.resize(1000, 700)
    for key in synced.views:
        synced.show_view(key)
        search(qtbot, synced, "上海" if key == "facilities" else "")
        image = synced.grab()
        assert not image.isNull()
    assert QApplication.instance() is not None
