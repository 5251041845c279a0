"""Options every platform-facing command shares, turned into typed settings."""

from __future__ import annotations

import argparse

from desktop.config.logging_setup import configure_logging
from desktop.config.settings import Settings, SettingsError, load_settings

# Flag → settings field. The environment names are in desktop.config.settings.
_PLATFORM_FLAGS = {
    "token_url": "--token-url",
    "service_url": "--service-url",
    "dispatch_url": "--dispatch-url",
    "client_id": "--client-id",
    "client_secret": "--client-secret",
    "ca_bundle": "--ca-bundle",
    "data_dir": "--data-dir",
}


def platform_options() -> argparse.ArgumentParser:
    """A parent parser with the platform and data-directory options."""
    parent = argparse.ArgumentParser(add_help=False)
    group = parent.add_argument_group("platform / 平台")
    for field, flag in _PLATFORM_FLAGS.items():
        group.add_argument(flag, dest=field, default=None)
    group.add_argument(
        "--no-verify-tls",
        dest="verify_tls",
        action="store_false",
        default=None,
        help="do not verify the platform's certificate (testing only)",
    )
    parent.add_argument("--json", action="store_true", help="machine-readable output")
    parent.add_argument("--debug", action="store_true", help="verbose logs")
    return parent


def settings_from(args: argparse.Namespace) -> Settings:
    """Settings with the command line over the environment, the settings file and defaults.

    Logging to the data directory starts here, once the data directory is known.
    """
    overrides = {
        field: getattr(args, field)
        for field in (*_PLATFORM_FLAGS, "verify_tls")
        if getattr(args, field, None) is not None
    }
    settings = load_settings(overrides)
    configure_logging(settings.data_dir, args.debug, [settings.client_secret.get_secret_value()])
    return settings


__all__ = ["SettingsError", "platform_options", "settings_from"]
