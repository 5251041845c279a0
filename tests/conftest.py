"""Test-wide configuration. Qt runs headless in every test, set here rather than by hand."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
