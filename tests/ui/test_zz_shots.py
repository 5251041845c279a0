from test_stock_tab import *  # noqa
from test_dictionaries_tab import search, synced as _s  # noqa
from desktop.ui.tabs.bills import BillsTab
from desktop.ui.tabs.dictionaries import DictionariesTab
from desktop.store.dictionaries import Dictionary, replace_dictionary
from desktop.training.seed import build_world

def test_shots(qtbot, desk, tab, jobs, received):
    w = build_world()
    jobs.db(lambda s: replace_dictionary(s, Dictionary.BLOOD, w.bloods))
    with qtbot.waitSignal(tab.refreshed):
        desk.stock_changed.emit()
    tab.resize(1400, 800); tab.show(); qtbot.waitExposed(tab)
    tab.grab().save("/tmp/stock.png")
    b = BillsTab(desk); qtbot.addWidget(b); b.resize(1400, 800); b.show()
    with qtbot.waitSignal(b.bill_opened):
        b.open_bill(received.id)
    b.banner.announce([received.id])
    b.grab().save("/tmp/bills.png")
    d = DictionariesTab(desk); qtbot.addWidget(d); d.resize(1200, 700); d.show()
    for name, rows in {Dictionary.BLOOD_TYPE: w.blood_types, Dictionary.BLOOD_SUB_TYPE: w.blood_sub_types, Dictionary.DISEASE: w.diseases}.items():
        jobs.db(lambda s, name=name, rows=rows: replace_dictionary(s, name, rows))
    desk.dictionaries_changed.emit()
    d.show_view("products"); search(qtbot, d, "红细胞"); qtbot.wait(100)
    d.grab().save("/tmp/dict.png")
    d.show_view("diseases"); search(qtbot, d, "出血")
    d.grab().save("/tmp/dict2.png")
    d.show_view("departments"); d.department_actions.report.setText("第 3 行有误（id）：编号应为 0 到 99999999 的整数"); d.department_actions.report.setStyleSheet("color: #b00020")
    d.grab().save("/tmp/dict3.png")
