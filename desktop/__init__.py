"""blood-desk: the hospital blood-bank counter for the Shanghai clinical blood-use platform."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("blood-desk")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+source"
