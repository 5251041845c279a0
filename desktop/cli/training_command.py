"""`blood-desk training-platform`: run the training platform in the foreground."""

from __future__ import annotations

import argparse
import signal
import threading
from types import FrameType

from desktop.cli.exit_codes import ExitCode
from desktop.cli.output import emit_json
from desktop.training.faults import FaultSettings
from desktop.training.platform import TrainingOptions, TrainingPlatform
from desktop.training.seed import DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET
from desktop.training.server import ServerStartError


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "training-platform", help="运行培训平台（模拟器）/ run the training platform (simulator)"
    )
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0, help="0 = any free port")
    parser.add_argument(
        "--service-port", type=int, default=None, help="serve SOAP on a second port"
    )
    parser.add_argument("--client-id", default=DEFAULT_CLIENT_ID)
    parser.add_argument("--client-secret", default=DEFAULT_CLIENT_SECRET)
    parser.add_argument("--seed", type=int, default=TrainingOptions.seed)
    parser.add_argument("--size", choices=("small", "large"), default="small")
    parser.add_argument("--token-style", choices=("json", "text"), default="json")
    parser.add_argument("--wsdl-variant", choices=("spec", "jaxws"), default="spec")
    parser.add_argument(
        "--faults",
        default="",
        help="e.g. latency=200,error=0.1,forbidden=0.01,unavailable=0.05,drop=0.05,cut=0.05,"
        "invalid-xml=0.05,timeout=0.05,hang=30,token-expiry=60,wrong-credentials",
    )
    parser.add_argument("--json", action="store_true", help="print the URLs as JSON")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    try:
        faults = FaultSettings.parse(args.faults) if args.faults else None
    except ValueError as error:
        print(f"错误：--faults 无法识别：{error}\nerror: bad --faults: {error}")
        return int(ExitCode.BAD_INPUT)
    options = TrainingOptions(
        host=args.host,
        port=args.port,
        service_port=args.service_port,
        client_id=args.client_id,
        client_secret=args.client_secret,
        seed=args.seed,
        size=args.size,
        token_style=args.token_style,
        wsdl_variant=args.wsdl_variant,
        faults=faults,
    )
    platform = TrainingPlatform(options)
    try:
        urls = platform.start()
    except ServerStartError as error:
        print(
            f"错误：培训平台无法启动：{error}\nerror: the training platform did not start: {error}"
        )
        return int(ExitCode.FAILURE)
    info = {
        "token_url": urls.token_url,
        "service_url": urls.service_url,
        "wsdl_url": urls.service_url + "?wsdl",
        "dispatch_url": urls.dispatch_url,
        "admin_url": urls.admin_url + "/state",
        "client_id": options.client_id,
        "client_secret": options.client_secret,
    }
    if args.json:
        emit_json(info)
    else:
        print("培训平台已启动 / training platform running (Ctrl-C to stop)")
        for key, value in info.items():
            print(f"  {key:<14} {value}")
    _wait_for_signal()
    platform.stop()
    return int(ExitCode.OK)


def _wait_for_signal() -> None:
    stop = threading.Event()

    def handle(_signum: int, _frame: FrameType | None) -> None:
        stop.set()

    signal.signal(signal.SIGINT, handle)
    signal.signal(signal.SIGTERM, handle)
    stop.wait()
