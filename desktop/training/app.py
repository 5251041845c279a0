"""The training platform's HTTP surface: token, SOAP service with its WSDL, dispatch list, admin.

The business rules live in `PlatformState`; SOAP parsing and rendering in
`SoapCodec`; this module only routes, authenticates and injects faults.
"""

from __future__ import annotations

import asyncio
import ipaddress
import json
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal

from pydantic import BaseModel, ValidationError
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.routing import Route
from starlette.types import Receive, Scope, Send

from desktop.domain.dates import parse_datetime
from desktop.training.auth import TokenAuthority, token_endpoint
from desktop.training.faults import Fault, FaultPlan, FaultSettings
from desktop.training.soap_codec import SoapCodec, SoapDecodeError
from desktop.training.state import PlatformState, Refusal

log = logging.getLogger(__name__)

SERVICE_PATH = "/synergyplatform/soap/CustomerLinkService"
DISPATCH_PATH = "/api/dispatchin/list"
ADMIN_PATH = "/admin"

_XML = "text/xml; charset=utf-8"
_STATIC_OPERATIONS = frozenset(
    {
        "listAllBlood",
        "listAllBloodType",
        "listAllBloodSubType",
        "listAllFacilities",
        "listAllDisease",
    }
)


def _wire(result: Any) -> Any:
    """State results (models or plain data) as the plain data the codec renders."""
    if isinstance(result, BaseModel):
        return result.model_dump(by_alias=True, exclude_none=True, mode="python")
    if isinstance(result, list):
        return [_wire(item) for item in result]
    return result


def _operations(state: PlatformState) -> dict[str, Callable[[int, list[Any]], Any]]:
    """SOAP operation name → call on the state with (hospital, positional args)."""
    return {
        "listAllBlood": lambda _h, _a: state.list_all_blood(),
        "listAllBloodType": lambda _h, _a: state.list_all_blood_type(),
        "listAllBloodSubType": lambda _h, _a: state.list_all_blood_sub_type(),
        "listAllFacilities": lambda _h, _a: state.list_all_facilities(),
        "listAllDisease": lambda _h, _a: state.list_all_disease(),
        "getFacility": lambda h, _a: state.get_facility(h),
        "listBillDetail": lambda h, a: state.list_bill_detail(h, a[0]),
        "getBloodBags": lambda h, a: state.get_blood_bags(h, a[0] or []),
        "saveReceive": lambda h, a: state.save_receive(h, a[0]),
        "saveTakeoutList": lambda h, a: state.save_takeout(h, a[0]),
        "cancelTakeoutList": lambda h, a: state.cancel_takeout(h, *a),
    }


class _AbortedResponse(Response):
    """Starts an answer and breaks the connection part-way: a dropped or cut answer."""

    def __init__(self, partial: bytes, declared_length: int) -> None:
        super().__init__(status_code=200, media_type=_XML)
        self._partial = partial
        self.headers["content-length"] = str(declared_length)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        await send({"type": "http.response.start", "status": 200, "headers": self.raw_headers})
        await send({"type": "http.response.body", "body": self._partial, "more_body": True})
        # Returning with the body unfinished makes the server close the connection.


class _AbortFilter(logging.Filter):
    """The server logs our deliberate aborts as errors; they are the point of the fault."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "without completing response" not in record.getMessage()


logging.getLogger("uvicorn.error").addFilter(_AbortFilter())


def _unprocessed(fault: Fault, settings: FaultSettings) -> Response | None:
    """The answer of a fault that strikes before the platform does anything, if it is one."""
    if fault is Fault.SERVER_ERROR:
        return PlainTextResponse("Internal Server Error", status_code=500)
    if fault is Fault.FORBIDDEN:
        return PlainTextResponse("Forbidden: this account may not call this", status_code=403)
    if fault is Fault.UNAVAILABLE:
        headers = {"Retry-After": str(max(0, round(settings.retry_after_s)))}
        return PlainTextResponse("Service Unavailable", status_code=503, headers=headers)
    if fault is Fault.DROP:
        return _AbortedResponse(b"", 1)
    return None


@dataclass
class TrainingApp:
    """Everything the training platform serves: one state, token authority and fault plan."""

    state: PlatformState
    authority: TokenAuthority
    codec: SoapCodec
    wsdl_for: Callable[[str], str]
    faults: FaultPlan
    _rendered: dict[str, bytes] = field(default_factory=dict)
    _cache_lock: threading.Lock = field(default_factory=threading.Lock)

    # -- routes ------------------------------------------------------------------

    def main_routes(self) -> list[Route]:
        return [
            token_endpoint(self.authority),
            Route(DISPATCH_PATH, self.dispatch_list, methods=["GET"]),
            Route(ADMIN_PATH + "/state", self.admin_state, methods=["GET"]),
            Route(ADMIN_PATH + "/faults", self.admin_faults, methods=["GET", "PUT"]),
            Route(ADMIN_PATH + "/bills", self.admin_new_bill, methods=["POST"]),
            Route(ADMIN_PATH + "/revoke-tokens", self.admin_revoke, methods=["POST"]),
        ]

    def service_routes(self) -> list[Route]:
        return [Route(SERVICE_PATH, self.service, methods=["GET", "POST"])]

    # -- SOAP --------------------------------------------------------------------

    async def service(self, request: Request) -> Response:
        if request.method == "GET":
            if "wsdl" not in {key.lower() for key in request.query_params}:
                return PlainTextResponse("GET ?wsdl for the service description", status_code=404)
            address = str(request.url.replace(query=""))
            return Response(self.wsdl_for(address), media_type=_XML)
        hospital = self._authenticate(request)
        if hospital is None:
            return PlainTextResponse("invalid or expired token", status_code=401)
        body = await request.body()
        try:
            call = self.codec.decode_request(body)
        except SoapDecodeError as error:
            return self._fault("Client", error.message_zh)
        handler = _operations(self.state).get(call.operation)
        if handler is None:
            return self._fault("Client", f"未知操作 {call.operation}")
        return await self._with_faults(
            lambda: self._soap_answer(call.operation, handler, hospital, call.args)
        )

    def _soap_answer(
        self,
        operation: str,
        handler: Callable[[int, list[Any]], Any],
        hospital: int,
        args: list[Any],
    ) -> Response:
        try:
            result = handler(hospital, args)
        except Refusal as refusal:
            return self._fault("Client", refusal.message_zh)
        if operation not in _STATIC_OPERATIONS:
            return Response(self.codec.encode_response(operation, _wire(result)), media_type=_XML)
        # The dictionaries never change in a world; rendering 50,000 diseases on every
        # sync would make the simulator, not the desk, the slow side of every measurement.
        with self._cache_lock:
            body = self._rendered.get(operation)
            if body is None:
                body = self._rendered[operation] = self.codec.encode_response(
                    operation, _wire(result)
                )
        return Response(body, media_type=_XML)

    def _fault(self, code: Literal["Client", "Server"], message: str) -> Response:
        return Response(self.codec.encode_fault(code, message), status_code=500, media_type=_XML)

    # -- dispatch list --------------------------------------------------------------

    async def dispatch_list(self, request: Request) -> Response:
        hospital = self._authenticate(request)
        if hospital is None:
            return PlainTextResponse("invalid or expired token", status_code=401)
        try:
            start, end = (
                parse_datetime(request.query_params[key]) if key in request.query_params else None
                for key in ("startTime", "endTime")
            )
        except ValueError as error:
            return PlainTextResponse(str(error), status_code=400)

        def answer() -> Response:
            entries = self.state.dispatch_list(hospital, start, end)
            payload = [entry.model_dump(by_alias=True, mode="json") for entry in entries]
            return JSONResponse(payload)

        return await self._with_faults(answer)

    # -- faults ------------------------------------------------------------------------

    async def _with_faults(self, answer: Callable[[], Response]) -> Response:
        settings = self.faults.settings
        if settings.latency_ms:
            await asyncio.sleep(settings.latency_ms / 1000)
        fault = self.faults.draw()
        refusal = _unprocessed(fault, settings)
        if refusal is not None:
            return refusal
        response = await run_in_threadpool(answer)
        if fault is Fault.CUT and response.body:
            return _AbortedResponse(
                bytes(response.body[: len(response.body) // 2]), len(response.body)
            )
        if fault is Fault.INVALID_XML:
            return Response(b"<soap:Envelope><unclosed>", media_type=_XML)
        if fault is Fault.TIMEOUT:
            await asyncio.sleep(settings.hang_s)
        return response

    # -- authentication and admin ---------------------------------------------------------

    def _authenticate(self, request: Request) -> int | None:
        return self.authority.authenticate(request.headers.get("authorization", ""))

    @staticmethod
    def _loopback(request: Request) -> bool:
        host = request.client.host if request.client else ""
        try:
            return ipaddress.ip_address(host).is_loopback
        except ValueError:
            return False

    async def admin_state(self, request: Request) -> Response:
        if not self._loopback(request):
            return PlainTextResponse("admin is loopback-only", status_code=403)
        snapshot = await run_in_threadpool(self.state.snapshot)
        snapshot["token_requests"] = self.authority.token_requests
        return JSONResponse(json.loads(json.dumps(snapshot, default=str, ensure_ascii=False)))

    async def admin_faults(self, request: Request) -> Response:
        if not self._loopback(request):
            return PlainTextResponse("admin is loopback-only", status_code=403)
        if request.method == "PUT":
            try:
                self.apply_faults(FaultSettings.model_validate(await request.json()))
            except (ValidationError, ValueError) as error:
                return PlainTextResponse(str(error), status_code=400)
        return JSONResponse(self.faults.settings.model_dump(by_alias=True))

    def apply_faults(self, settings: FaultSettings) -> None:
        self.faults.settings = settings
        self.authority.reject_all_credentials = settings.wrong_credentials
        if settings.token_expiry_s is not None:
            self.authority.set_lifetime(settings.token_expiry_s)

    async def admin_new_bill(self, request: Request) -> Response:
        if not self._loopback(request):
            return PlainTextResponse("admin is loopback-only", status_code=403)
        try:
            query = await request.json()
            hospital = int(query["hospital"]) if "hospital" in query else None
            bags = int(query.get("bags", 10))
        except (ValueError, TypeError, KeyError) as error:
            return PlainTextResponse(f"bad request: {error}", status_code=400)
        try:
            bill = await run_in_threadpool(self.state.dispatch_new_bill, hospital, bags)
        except Refusal as refusal:
            return PlainTextResponse(refusal.message_en, status_code=400)
        return JSONResponse(bill.model_dump(by_alias=True, mode="json"))

    async def admin_revoke(self, request: Request) -> Response:
        if not self._loopback(request):
            return PlainTextResponse("admin is loopback-only", status_code=403)
        self.authority.revoke_all()
        return JSONResponse({"revoked": True})
