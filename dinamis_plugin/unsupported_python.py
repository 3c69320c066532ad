"""What QGIS gets instead of the plugin when its Python is older than the vendored
libraries need (pystac, pystac-client, SecretStorage: 3.10+): a plain explanation in the
message bar, rather than an import traceback. Kept importable on Python 3.9."""
import sys

from qgis.core import Qgis

from .core.i18n import tr
from .qgis_glue.translator import PluginTranslator

MINIMUM_PYTHON = (3, 10)


def python_is_supported(version=None) -> bool:
    return tuple(version or sys.version_info)[:2] >= MINIMUM_PYTHON


class UnsupportedPythonPlugin:
    """Says why DINAMIS cannot run here; adds nothing else and removes nothing."""

    def __init__(self, iface, version=None):
        self.iface = iface
        self.version = tuple(version or sys.version_info)[:2]
        self.translator = PluginTranslator()

    def message(self) -> str:
        return tr("The DINAMIS plugin needs QGIS with Python {needed} or newer; this QGIS "
                  "runs Python {found}. Install a QGIS LTR release whose Python is recent "
                  "enough (QGIS 3.34 or newer on Windows and macOS).").format(
                      needed=".".join(map(str, MINIMUM_PYTHON)),
                      found=".".join(map(str, self.version)))

    def initGui(self):  # noqa: N802 - QGIS's name
        self.translator.install()
        self.iface.messageBar().pushMessage("DINAMIS", self.message(),
                                            Qgis.MessageLevel.Warning, 0)

    def unload(self):
        self.translator.remove()
