#!/usr/bin/env bash
# Build the one-folder package dist/blood-desk/ and smoke-test it (maintainers and CI):
# bootstrap, translations, PyInstaller (packaging/blood-desk.spec), then from the bundle,
# outside the repository: the files it must hold, `--version`, and `--self-test` headless.
# Any failure exits non-zero. On Windows, see docs/install.md (same spec, no smoke script).
set -euo pipefail
shopt -s nullglob

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bin="$repo/.venv/bin"
bundle="$repo/dist/blood-desk"
internal="$bundle/_internal"

log() { printf 'build_bundle: %s\n' "$*" >&2; }
fail() {
  log "FAILED: $*"
  exit 1
}

"$repo/scripts/bootstrap.sh"
cd "$repo"

catalogues=(resources/i18n/*.ts)
if [ ${#catalogues[@]} -gt 0 ]; then
  log "building translations"
  "$bin/python" scripts/build_translations.py
fi

log "running PyInstaller"
started=$SECONDS
"$bin/pyinstaller" --noconfirm --clean --log-level WARN packaging/blood-desk.spec
built_in=$((SECONDS - started))

log "checking the bundle's files"
required=(
  resources/wsdl/CustomerLinkService.wsdl
  resources/sounds/ok.wav
  resources/sounds/warning.wav
  resources/sounds/refused.wav
  resources/icons/blood-desk-256.png
  PySide6/Qt/plugins/platforms/libqoffscreen.so
  PySide6/Qt/plugins/platforms/libqxcb.so
  PySide6/Qt/plugins/printsupport/libcupsprintersupport.so
  PySide6/Qt/plugins/multimedia/libffmpegmediaplugin.so
  PySide6/Qt/lib/libQt6SerialPort.so.6
  PySide6/Qt/translations/qtbase_zh_CN.qm
  resources/i18n/*.qm
)
for path in "${required[@]}"; do
  [ -e "$internal/$path" ] || fail "missing from the bundle: $path"
done
unwanted="$(find "$internal" -iname '*WebEngine*' -o -iname 'QtQuick.abi3.so' -o -iname 'QtQml.abi3.so')"
[ -z "$unwanted" ] || fail "not to be shipped: $unwanted"

# From an empty directory with no BLOOD_DESK_* settings: the bundle must need nothing from here.
smoke_dir="$(mktemp -d)"
trap 'rm -rf "$smoke_dir"' EXIT
cd "$smoke_dir"
smoke_env=(env)
for name in $(compgen -e); do
  if [[ $name == BLOOD_DESK_* ]]; then smoke_env+=(-u "$name"); fi
done
smoke_env+=(QT_QPA_PLATFORM=offscreen)

log "smoke: --version"
expected="blood-desk $("$bin/python" -c 'from importlib.metadata import version; print(version("blood-desk"))')"
actual="$("${smoke_env[@]}" "$bundle/blood-desk" --version)" || fail "--version exited non-zero"
[ "$actual" = "$expected" ] || fail "--version printed '$actual', expected '$expected'"
echo "$actual"

log "smoke: --self-test"
"${smoke_env[@]}" "$bundle/blood-desk" --self-test || fail "--self-test from the bundle"

log "built in ${built_in} s; $(du -sh "$bundle" | cut -f1) in $bundle"
