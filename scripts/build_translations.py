"""Update the `.ts` catalogues from the UI sources and build the `.qm` files Qt loads.

    python scripts/build_translations.py           # lrelease only (bootstrap, packaging)
    python scripts/build_translations.py --update  # lupdate first (after changing UI strings)

`lupdate` and `lrelease` also serve tests/ui/test_translations.py, on copies in a test folder.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
I18N = ROOT / "resources" / "i18n"
LANGUAGES = ("zh_CN",)


def catalogue(language: str) -> Path:
    return I18N / f"blood_desk_{language}.ts"


def _tool(name: str) -> str:
    beside_python = Path(sys.executable).with_name(f"pyside6-{name}")
    found = shutil.which(f"pyside6-{name}") or (
        str(beside_python) if beside_python.exists() else None
    )
    if found is None:
        raise SystemExit(f"pyside6-{name} not found: install PySide6-Essentials")
    return found


def lupdate(target: Path) -> None:
    """Add the UI's new messages to `target` as unfinished; drop those no longer in the code."""
    sources = sorted(str(path) for path in (ROOT / "desktop" / "ui").rglob("*.py"))
    subprocess.run([_tool("lupdate"), "-no-obsolete", *sources, "-ts", str(target)], check=True)


def lrelease(source: Path, target: Path) -> None:
    subprocess.run([_tool("lrelease"), "-silent", str(source), "-qm", str(target)], check=True)


def update() -> None:
    for language in LANGUAGES:
        lupdate(catalogue(language))


def release() -> None:
    for language in LANGUAGES:
        source = catalogue(language)
        lrelease(source, source.with_suffix(".qm"))


if __name__ == "__main__":
    if "--update" in sys.argv[1:]:
        update()
    release()
