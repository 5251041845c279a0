"""The desk's one HTTP stack: an httpx client configured from the settings.

Trust: with a CA bundle, exactly the certificates in it (government intranets
use private CAs); without one, the operating system's store, where hospital IT
installs such CAs, rather than certifi's public list. Proxies are not taken
from the environment or the Windows registry: the platform sits on the
hospital's intranet, and a browser proxy meant for the internet would break it.
"""

from __future__ import annotations

import ssl

import httpx

from desktop import __version__
from desktop.config.settings import ENV_VARS, Settings, SettingsError


def make_http_client(settings: Settings) -> httpx.Client:
    timeout = httpx.Timeout(
        connect=settings.connect_timeout_s,
        read=settings.read_timeout_s,
        write=settings.read_timeout_s,
        pool=settings.connect_timeout_s,
    )
    return httpx.Client(
        verify=_verification(settings),
        timeout=timeout,
        headers={"User-Agent": f"blood-desk/{__version__}", "Accept-Charset": "utf-8"},
        default_encoding="utf-8",
        follow_redirects=False,
        trust_env=False,
    )


def _verification(settings: Settings) -> ssl.SSLContext | bool:
    if not settings.verify_tls:
        return False
    try:
        return ssl.create_default_context(cafile=settings.ca_bundle)
    except (ssl.SSLError, OSError) as error:
        # The settings only checked that the file exists; here its content is read.
        raise SettingsError(
            f"CA 证书文件 {settings.ca_bundle} 无法使用（{type(error).__name__}: {error}）。"
            f"请提供 PEM 格式的 CA 证书，或改正设置“CA 证书文件”（{ENV_VARS['ca_bundle']}）",
            f"the CA bundle {settings.ca_bundle} cannot be used ({type(error).__name__}: {error}); "
            f"provide the CA certificate in PEM form or fix the CA bundle setting "
            f"({ENV_VARS['ca_bundle']})",
        ) from None
