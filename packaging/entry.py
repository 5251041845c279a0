"""The frozen executable's entry point (PyInstaller runs this file as a script)."""

import sys

from desktop.main import main

if __name__ == "__main__":
    sys.exit(main())
