"""Where shipped resources (WSDL, translations, icons, sounds) live, from source or frozen."""

from __future__ import annotations

import sys
from pathlib import Path


def resources_dir() -> Path:
    # PyInstaller unpacks data files under sys._MEIPASS; from source they sit beside the package.
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root is not None:
        return Path(frozen_root) / "resources"
    return Path(__file__).resolve().parents[2] / "resources"


def resource_path(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


SHIPPED_WSDL = ("wsdl", "CustomerLinkService.wsdl")
