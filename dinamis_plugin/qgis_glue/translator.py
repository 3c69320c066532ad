"""Load the plugin's Qt translation and route core.i18n.tr through it.

The language is QGIS's own (its user locale setting, else the system locale), so the
plugin speaks what the rest of QGIS speaks. Files: i18n/dinamis_<lang>.qm in the plugin
folder; a missing file simply leaves English.
"""
from pathlib import Path
from typing import Optional

from qgis.core import QgsApplication, QgsSettings
from qgis.PyQt.QtCore import QCoreApplication, QLocale, QTranslator

from ..core import i18n

PLUGIN_DIR = Path(__file__).absolute().parent.parent  # the plugin folder, links kept


def qgis_language() -> str:
    """Two-letter language QGIS runs in ("fr", "en"...)."""
    locale = ""
    try:  # 3.30+: QgsApplication.locale() follows the override setting
        locale = QgsApplication.locale() or ""
    except AttributeError:
        pass
    if not locale:
        settings = QgsSettings()
        if str(settings.value("locale/overrideFlag", False)).lower() in ("true", "1"):
            locale = str(settings.value("locale/userLocale", "") or "")
    if not locale or locale in ("C", "POSIX"):
        locale = QLocale.system().name()
    language = locale[:2].lower()
    return language if language.isalpha() and language != "c" else "en"


def _qt_translate(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


class PluginTranslator:
    """Installs the translator on load, removes it on unload (idempotent both ways)."""

    def __init__(self, plugin_dir: Path = PLUGIN_DIR):
        self.plugin_dir = Path(plugin_dir)
        self._translator: Optional[QTranslator] = None

    def qm_path(self, language: str) -> Path:
        return self.plugin_dir / "i18n" / f"dinamis_{language}.qm"

    def install(self, language: Optional[str] = None) -> bool:
        """True when a translation file was loaded; tr() goes through Qt in any case."""
        self.remove()
        path = self.qm_path(language or qgis_language())
        loaded = False
        if path.is_file():
            translator = QTranslator()
            if translator.load(str(path)):
                QCoreApplication.installTranslator(translator)
                self._translator = translator
                loaded = True
        i18n.install_translator(_qt_translate)
        return loaded

    def remove(self) -> None:
        if self._translator is not None:
            QCoreApplication.removeTranslator(self._translator)
            self._translator = None
        i18n.install_translator(lambda _context, text: text)
