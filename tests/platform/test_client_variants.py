"""A platform no one here wrote: another namespace, JAX-WS `arg0` names, SOAP on its own port."""

from __future__ import annotations

from pathlib import Path

from documents import cancel, receive_151, takeout_1005
from training import client_on, running_platform

from desktop.platform.client import CANCEL_SUCCESS
from desktop.training.seed import TRAINING_HOSPITAL_ID


def test_jaxws_variant_with_another_namespace_works_unchanged(tmp_path: Path) -> None:
    with (
        running_platform(wsdl_variant="jaxws") as platform,
        client_on(platform, tmp_path) as connection,
    ):
        client = connection.client
        description = client.description()
        assert description.source == "platform"
        assert description.operation("cancelTakeoutList").parameters == (
            "arg0",
            "arg1",
            "arg2",
            "arg3",
            "arg4",
        )
        assert client.get_facility().id == TRAINING_HOSPITAL_ID
        bill = client.list_bill_detail(platform.state.dispatch_new_bill(TRAINING_HOSPITAL_ID, 2).id)
        ids = [bag.blood_bag_id for bag in bill.blood_bags]
        assert [bag.id for bag in client.get_blood_bags(ids)] == ids
        client.save_receive(receive_151(bill.id, ids, "RK-VARIANT"))
        client.save_takeout_list(takeout_1005("CK-VARIANT", ids))
        assert client.cancel_takeout_list(cancel("CK-VARIANT", ids)) == CANCEL_SUCCESS
        assert set(ids) <= set(platform.state.stock(TRAINING_HOSPITAL_ID))


def test_soap_service_on_its_own_port(tmp_path: Path) -> None:
    with running_platform(service_port=0) as platform, client_on(platform, tmp_path) as connection:
        urls = platform.urls
        assert urls is not None
        assert urls.service_url.split("/")[2] != urls.token_url.split("/")[2]
        assert connection.client.get_facility().id == TRAINING_HOSPITAL_ID
        assert connection.client.dispatch_list()
