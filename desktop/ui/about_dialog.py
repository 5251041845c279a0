"""About blood-desk: version, data directory, platform in use — what IT asks for on the phone."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop import __version__
from desktop.config.resources import resource_path
from desktop.config.settings import Settings


def show_about(settings: Settings, is_training: bool, parent: QWidget | None = None) -> None:
    box = QMessageBox(parent)
    box.setWindowTitle(QCoreApplication.translate("AboutDialog", "About blood-desk"))
    box.setIconPixmap(QPixmap(str(resource_path("icons", "blood-desk-64.png"))))
    platform = (
        QCoreApplication.translate("AboutDialog", "training platform")
        if is_training
        else (settings.service_url or "")
    )
    box.setText(f"<b>blood-desk {__version__}</b>")
    box.setInformativeText(
        QCoreApplication.translate(
            "AboutDialog", "Blood-bank counter for the Shanghai clinical blood-use platform."
        )
        + "<br>"
        + QCoreApplication.translate("AboutDialog", "Platform: %1").replace("%1", platform)
        + "<br>"
        + QCoreApplication.translate("AboutDialog", "Data directory: %1").replace(
            "%1", str(settings.data_dir)
        )
        + "<br>"
        + QCoreApplication.translate("AboutDialog", "Workstation: %1").replace(
            "%1", settings.workstation
        )
    )
    box.exec()
