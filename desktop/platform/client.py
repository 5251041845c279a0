"""The platform client: the eleven SOAP operations and the dispatch list, as domain models.

Every call is synchronous and meant for a worker thread (never the UI thread).
Failures are the typed errors of `desktop.platform.errors`, each saying what the
caller must do; nothing else escapes.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Sequence
from datetime import datetime
from enum import Enum
from typing import Any, TypeVar

import httpx
from lxml import etree
from pydantic import BaseModel, TypeAdapter, ValidationError

from desktop.domain.dates import format_json
from desktop.domain.models import (
    Blood,
    BloodBagInfo,
    BloodSubType,
    BloodType,
    CancelTakeout,
    Disease,
    DispatchListEntry,
    Facility,
    HandoverInfo,
    Receive,
    TakeoutListForm,
)
from desktop.platform.errors import (
    MalformedAnswer,
    NotFound,
    Refused,
    ServerError,
    error_from_httpx,
    error_from_response,
)
from desktop.platform.service_description import ServiceDescription
from desktop.platform.soap_reply import body_wrapper, element_to_wire, return_elements, return_text
from desktop.platform.token import TokenManager

ModelT = TypeVar("ModelT", bound=BaseModel)

_SOAP_CONTENT_TYPE = "text/xml; charset=utf-8"
_CHUNK_ROWS = 2_000
_FAULT_STATUSES = (httpx.codes.BAD_REQUEST, httpx.codes.INTERNAL_SERVER_ERROR)
CANCEL_SUCCESS = "success"
CANCEL_FAIL = "fail"


def _invalid(
    what_zh: str, what_en: str, error: ValidationError, offset: int = 0
) -> MalformedAnswer:
    first = error.errors()[0]
    location = list(first["loc"])
    if offset and location and isinstance(location[0], int):
        location[0] += offset  # the row's place in the whole answer, not in its chunk
    where = ".".join(str(part) for part in location)
    return MalformedAnswer(
        f"平台返回的{what_zh}不符合接口规范（{where}：{first['msg']}），请联系平台管理员",
        f"the platform's {what_en} does not match the interface ({where}: {first['msg']}); "
        "tell the platform administrator",
    )


def soap_value(value: Any) -> Any:
    """A model dump made ready for zeep: enum members become their codes, None fields vanish."""
    if isinstance(value, dict):
        return {key: soap_value(item) for key, item in value.items() if item is not None}
    if isinstance(value, list):
        return [soap_value(item) for item in value]
    if isinstance(value, Enum):
        return value.value
    return value


def soap_document(model: BaseModel) -> dict[str, Any]:
    dumped = model.model_dump(by_alias=True, exclude_none=True, mode="python")
    result: dict[str, Any] = soap_value(dumped)
    return result


class PlatformClient:
    """Calls the platform on behalf of one hospital (the one the credentials belong to)."""

    def __init__(
        self,
        http: httpx.Client,
        tokens: TokenManager,
        service_url: str,
        dispatch_url: str,
        *,
        operation_timeout: float = 60.0,
        description: ServiceDescription | None = None,
    ) -> None:
        self._http = http
        self._tokens = tokens
        self._service_url = service_url
        self._dispatch_url = dispatch_url
        self._timeout = httpx.Timeout(operation_timeout, connect=http.timeout.connect)
        self._description = description
        self._description_lock = threading.Lock()

    # -- the service description -------------------------------------------------

    def description(self) -> ServiceDescription:
        with self._description_lock:
            if self._description is None:
                self._description = ServiceDescription.load(self._http, self._service_url)
            return self._description

    # -- dictionaries --------------------------------------------------------------

    def list_all_blood(self) -> list[Blood]:
        return self._list("listAllBlood", Blood, "血液品种字典", "product dictionary")

    def list_all_blood_type(self) -> list[BloodType]:
        return self._list("listAllBloodType", BloodType, "血液类型字典", "blood type dictionary")

    def list_all_blood_sub_type(self) -> list[BloodSubType]:
        return self._list("listAllBloodSubType", BloodSubType, "血液中类字典", "subtype dictionary")

    def list_all_facilities(self) -> list[Facility]:
        return self._list("listAllFacilities", Facility, "机构字典", "facility dictionary")

    def list_all_disease(self) -> list[Disease]:
        return self._list("listAllDisease", Disease, "疾病字典", "disease dictionary")

    def get_facility(self) -> Facility:
        wrapper = self._call("getFacility", [])
        return self._single(wrapper, Facility, "本院信息", "facility record")

    # -- incoming blood ------------------------------------------------------------

    def list_bill_detail(self, list_id: str) -> HandoverInfo:
        wrapper = self._call("listBillDetail", [list_id])
        return self._single(wrapper, HandoverInfo, f"发血单 {list_id}", f"handover bill {list_id}")

    def get_blood_bags(self, ids: Sequence[str]) -> list[BloodBagInfo]:
        wrapper = self._call("getBloodBags", [list(ids)])
        return self._rows(wrapper, BloodBagInfo, "血袋信息", "bag details")

    def dispatch_list(
        self, start: datetime | None = None, end: datetime | None = None
    ) -> list[DispatchListEntry]:
        params = {
            key: format_json(when)
            for key, when in (("startTime", start), ("endTime", end))
            if when is not None
        }
        response = self._tokens.call_with_auth(
            lambda auth: self._send(
                lambda: self._http.get(self._dispatch_url, params=params, headers=auth)
            )
        )
        if response.status_code != httpx.codes.OK:
            raise error_from_response(response.status_code, response.headers, response.content)
        try:
            rows = response.json()
        except ValueError:
            raise MalformedAnswer(
                "平台返回的发血单列表不是合法的 JSON，请联系平台管理员",
                "the platform's dispatch list is not valid JSON; tell the platform administrator",
            ) from None
        try:
            return TypeAdapter(list[DispatchListEntry]).validate_python(rows)
        except ValidationError as error:
            raise _invalid("发血单列表", "dispatch list", error) from None

    # -- documents we send -----------------------------------------------------------

    def save_receive(self, receive: Receive) -> None:
        self._call("saveReceive", [soap_document(receive)])

    def save_takeout_list(self, form: TakeoutListForm) -> None:
        self._call("saveTakeoutList", [soap_document(form)])

    def cancel_takeout_list(self, cancel: CancelTakeout) -> str:
        """The platform's verdict, `success` or `fail`; anything else is a malformed answer."""
        document = soap_document(cancel)
        args = [document[name] for name in ("refId", "reason", "time", "user", "bloodBagIds")]
        verdict = return_text(self._call("cancelTakeoutList", args))
        if verdict not in (CANCEL_SUCCESS, CANCEL_FAIL):
            raise MalformedAnswer(
                f"平台对取消出库的应答无法识别：{verdict!r}",
                f"the platform answered the cancel with {verdict!r}, neither success nor fail",
            )
        return verdict

    # -- the wire ----------------------------------------------------------------------

    def _call(self, operation: str, args: Sequence[Any]) -> etree._Element:
        description = self.description()
        info = description.operation(operation)
        envelope = description.render_request(operation, args)
        headers = {"Content-Type": _SOAP_CONTENT_TYPE, "SOAPAction": f'"{info.soap_action}"'}

        def post(auth: dict[str, str]) -> httpx.Response:
            return self._send(
                lambda: self._http.post(
                    self._service_url,
                    content=envelope,
                    headers={**headers, **auth},
                    timeout=self._timeout,
                )
            )

        response = self._tokens.call_with_auth(post)
        return self._read(response)

    @staticmethod
    def _send(request: Callable[[], httpx.Response]) -> httpx.Response:
        try:
            return request()
        except httpx.HTTPError as error:
            raise error_from_httpx(error, sent=True) from None

    @staticmethod
    def _read(response: httpx.Response) -> etree._Element:
        # SOAP 1.1 sends faults with HTTP 500; some stacks use 400 for a Client fault.
        if response.status_code == httpx.codes.OK:
            return body_wrapper(response.content)
        if (
            "xml" in response.headers.get("content-type", "")
            and response.status_code in _FAULT_STATUSES
        ):
            try:
                body_wrapper(response.content)
            except (Refused, ServerError):
                raise
            except MalformedAnswer:
                pass
        raise error_from_response(response.status_code, response.headers, response.content)

    def _list(
        self, operation: str, model: type[ModelT], what_zh: str, what_en: str
    ) -> list[ModelT]:
        return self._rows(self._call(operation, []), model, what_zh, what_en)

    @staticmethod
    def _rows(
        wrapper: etree._Element, model: type[ModelT], what_zh: str, what_en: str
    ) -> list[ModelT]:
        adapter = TypeAdapter(list[model])  # type: ignore[valid-type]
        elements = return_elements(wrapper)
        validated: list[ModelT] = []
        # In chunks: only one chunk's wire dicts live at a time, and between chunks the
        # thread lets go of the GIL, so a 50,000-row answer does not freeze the window.
        for start in range(0, len(elements), _CHUNK_ROWS):
            chunk = [
                element_to_wire(element, model) for element in elements[start : start + _CHUNK_ROWS]
            ]
            try:
                validated.extend(adapter.validate_python(chunk))
            except ValidationError as error:
                raise _invalid(what_zh, what_en, error, offset=start) from None
            time.sleep(0)
        return validated

    @staticmethod
    def _single(wrapper: etree._Element, model: type[ModelT], what_zh: str, what_en: str) -> ModelT:
        returned = return_elements(wrapper)
        if not returned:
            raise NotFound(f"平台上没有{what_zh}", f"the platform has no {what_en}")
        try:
            return model.model_validate(element_to_wire(returned[0], model))
        except ValidationError as error:
            raise _invalid(what_zh, what_en, error) from None
