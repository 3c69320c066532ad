"""`tr(text)`: the one door every user-visible string goes through.

The core cannot import Qt, so it holds a replaceable translator: identity by default
(English, for console scripts outside QGIS), Qt's `QCoreApplication.translate` once the
QGIS glue calls `install_translator`. `scripts/i18n.py` collects `tr("literal")` calls
into i18n/dinamis_fr.ts under the single context below.
"""
from typing import Callable

CONTEXT = "dinamis"

_translate: Callable[[str, str], str] = lambda _context, text: text


def install_translator(translate: Callable[[str, str], str]) -> None:
    """Route `tr` through `translate(context, text)`, e.g. QCoreApplication.translate."""
    global _translate
    _translate = translate


def tr(text: str) -> str:
    """Translate `text` (a string literal at the call site); format after translating."""
    return _translate(CONTEXT, text)
