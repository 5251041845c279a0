"""The Qt window. The only package allowed to import PySide6."""
