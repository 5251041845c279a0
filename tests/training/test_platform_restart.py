"""A stopped training platform comes back on the same ports with the same state: an outage."""

from __future__ import annotations

import httpx
import pytest

from desktop.training.platform import TrainingOptions, TrainingPlatform


@pytest.mark.parametrize("service_port", [None, 0])
def test_restart_keeps_ports_and_state(service_port: int | None) -> None:
    platform = TrainingPlatform(TrainingOptions(service_port=service_port))
    first = platform.start()
    try:
        bill = platform.state.dispatch_new_bill(None, 2)
        platform.stop()
        assert not platform.running
        with pytest.raises(httpx.ConnectError):
            httpx.get(first.dispatch_url)
        again = platform.start()
        assert again == first
        assert platform.state.list_bill_detail(
            platform.state.world.clients["310101001"][1], bill.id
        )
        assert httpx.get(again.admin_url + "/state").status_code == 200
    finally:
        platform.stop()
