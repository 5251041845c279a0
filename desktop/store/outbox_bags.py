"""Where a receipt's bag details come from, for its effect on the local stock.

A bag new to this hospital needs its details (product, group, expiry) before it
can be put on the shelf: from the handover bill kept locally (fetched from the
platform with `listBillDetail` and kept, if it is not), else from `getBloodBags`.
A bag this hospital held before (a department return, a transfer back) needs none.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from desktop.domain.codes import ReceiveType
from desktop.platform.client import PlatformClient
from desktop.store import bills, stock
from desktop.store.database import Store
from desktop.store.outbox_items import OutboxRefusal
from desktop.store.stock import BagDetails


def bag_details(
    store: Store, receive: Mapping[str, Any], client: PlatformClient | None
) -> list[BagDetails]:
    """Details of the receipt's bags new to this hospital (`receive` is valid wire data)."""
    wanted = [str(line["bloodBagId"]).strip() for line in receive["bloodBags"]]
    with store.read() as conn:
        needed = [bag for bag in wanted if stock.bag(conn, bag) is None]
    found: dict[str, BagDetails] = {}
    if needed and int(receive["type"]) == ReceiveType.FROM_BLOOD_STATION:
        found.update(_from_bill(store, str(receive["refId"]).strip(), client))
    missing = [bag for bag in needed if bag not in found]
    if missing and client is not None:
        found.update((bag.id, bag) for bag in client.get_blood_bags(missing))
    unknown = [bag for bag in needed if bag not in found]
    if unknown:
        raise _unknown_bags(unknown, online=client is not None)
    return [found[bag] for bag in needed]


def _from_bill(store: Store, bill_id: str, client: PlatformClient | None) -> dict[str, BagDetails]:
    bill = bills.bill(store, bill_id)
    if bill is None and client is not None:
        bill = client.list_bill_detail(bill_id)
        bills.save_bill(store, bill)
    return {} if bill is None else {bag.blood_bag_id: bag for bag in bill.blood_bags}


def _unknown_bags(bags: list[str], online: bool) -> OutboxRefusal:
    shown = "、".join(bags[:5])
    if online:
        return OutboxRefusal(
            f"平台上查不到血袋 {shown}，无法入库。请核对血袋编号。",
            f"the platform knows no bag {', '.join(bags[:5])}; check the bag ids.",
        )
    return OutboxRefusal(
        f"本地没有血袋 {shown} 的信息（交接单尚未同步），需联网取得后才能入库。",
        f"no details of bags {', '.join(bags[:5])} are kept here (the bill is not synced "
        "yet); they must be fetched from the platform first.",
    )
