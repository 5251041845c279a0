"""Write the three scan feedback sounds to resources/sounds/ (16-bit PCM, mono, 44.1 kHz).

    python scripts/make_sounds.py            # rewrite resources/sounds/*.wav
    python scripts/make_sounds.py --out DIR  # write them elsewhere

The output is deterministic, so the committed files can be checked against this script.
ok: one short high beep; warning: two medium beeps; refused: a low buzz. Each is under 0.4 s:
the next bag is often scanned within half a second.
"""

from __future__ import annotations

import argparse
import io
import math
import struct
import wave
from collections.abc import Callable
from pathlib import Path

RATE = 44_100
PEAK = 0.6 * 32_767  # headroom: some counter speakers distort at full scale
FADE_S = 0.005  # a short fade in and out avoids the click of a hard edge

Wave = Callable[[float], float]


def _sine(frequency: float) -> Wave:
    return lambda t: math.sin(2 * math.pi * frequency * t)


def _buzz(frequency: float) -> Wave:
    # The first odd harmonics of a square wave: harsh enough to be told from a beep at once.
    harmonics = (1, 3, 5, 7)
    scale = sum(1 / h for h in harmonics)
    return lambda t: sum(math.sin(2 * math.pi * frequency * h * t) / h for h in harmonics) / scale


def _tone(wave_of: Wave, seconds: float) -> list[float]:
    count = round(seconds * RATE)
    fade = round(FADE_S * RATE)
    return [wave_of(i / RATE) * min(1.0, i / fade, (count - 1 - i) / fade) for i in range(count)]


def _silence(seconds: float) -> list[float]:
    return [0.0] * round(seconds * RATE)


SOUNDS: dict[str, list[float]] = {
    "ok.wav": _tone(_sine(1760), 0.12),
    "warning.wav": _tone(_sine(880), 0.11) + _silence(0.07) + _tone(_sine(880), 0.11),
    "refused.wav": _tone(_buzz(150), 0.35),
}


def render(name: str) -> bytes:
    """The bytes of one WAV file, as written to resources/sounds/."""
    frames = b"".join(struct.pack("<h", round(sample * PEAK)) for sample in SOUNDS[name])
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(frames)
    return buffer.getvalue()


def main() -> None:
    default_out = Path(__file__).resolve().parents[1] / "resources" / "sounds"
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=default_out)
    out_dir: Path = parser.parse_args().out
    out_dir.mkdir(parents=True, exist_ok=True)
    for name in SOUNDS:
        (out_dir / name).write_bytes(render(name))


if __name__ == "__main__":
    main()
