"""The French translation is complete and loads in Qt (scripts/i18n.py, i18n/dinamis_fr.ts)."""
import subprocess
import sys
from pathlib import Path

import pytest
from qgis.PyQt.QtCore import QCoreApplication, QTranslator

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
import i18n as i18n_tool  # noqa: E402  (scripts/i18n.py)

KNOWN = ("Search the DINAMIS catalogue", "Rechercher dans le catalogue DINAMIS")


def test_every_string_has_a_french_translation_with_the_same_placeholders():
    messages, _dynamic = i18n_tool.extract()
    assert len(messages) > 50, "the extractor found suspiciously few tr() strings"
    problems = i18n_tool.problems(messages, i18n_tool.read_ts())
    assert problems == [], "\n".join(problems)


def test_no_tr_call_on_a_non_literal():
    """A computed string cannot be extracted, so it would stay English."""
    _messages, dynamic = i18n_tool.extract()
    assert dynamic == []


def test_compiled_catalogue_translates_through_qt_and_core_tr(qgis_app, tmp_path):
    qm = tmp_path / "dinamis_fr.qm"
    subprocess.run([i18n_tool.lrelease_binary(), "-silent", str(i18n_tool.TS_FILE), "-qm", str(qm)],
                   check=True)
    translator = QTranslator()
    assert translator.load(str(qm))
    QCoreApplication.installTranslator(translator)
    from dinamis.core import i18n
    try:
        assert QCoreApplication.translate(i18n.CONTEXT, KNOWN[0]) == KNOWN[1]
        i18n.install_translator(QCoreApplication.translate)
        assert i18n.tr(KNOWN[0]) == KNOWN[1]
        assert i18n.tr("A sentence nobody translated.") == "A sentence nobody translated."
    finally:
        i18n.install_translator(lambda _context, text: text)
        QCoreApplication.removeTranslator(translator)


def test_update_keeps_translations_marks_vanished_and_new(tmp_path):
    source = tmp_path / "module.py"
    ts = tmp_path / "test_fr.ts"
    source.write_text('from .i18n import tr\nA = tr("Kept {n}")\nB = tr("Goes away")\n')
    messages, _ = i18n_tool.extract([source], root=tmp_path)
    i18n_tool.write_ts(messages, {}, ts)
    existing = i18n_tool.read_ts(ts)
    assert existing == {"Kept {n}": ("", "unfinished"), "Goes away": ("", "unfinished")}
    existing = {"Kept {n}": ("Gardé {n}", None), "Goes away": ("Disparaît", None)}
    source.write_text('from .i18n import tr\nA = tr("Kept {n}")\nC = tr("New " "one")\n')
    messages, _ = i18n_tool.extract([source], root=tmp_path)
    stats = i18n_tool.write_ts(messages, existing, ts)
    assert i18n_tool.read_ts(ts) == {"Kept {n}": ("Gardé {n}", None),
                                      "New one": ("", "unfinished"),
                                      "Goes away": ("Disparaît", "vanished")}
    assert stats == {"finished": 1, "unfinished": 1, "vanished": 1}
    problems = i18n_tool.problems(messages, i18n_tool.read_ts(ts))
    assert len(problems) == 1 and "untranslated: 'New one'" in problems[0]


@pytest.mark.parametrize("source, translation, same", [
    ("{n} items", "{n} éléments", True),
    ("{n} items", "{count} éléments", False),
    ("{a} of {b}", "{b} sur {a}", True),
    ("{size:.1f} MB", "{size} Mo", False),
    ("%s left", "il reste %s", True),
    ("%s left", "il reste", False),
])
def test_placeholder_comparison(source, translation, same):
    assert (i18n_tool.placeholders(source) == i18n_tool.placeholders(translation)) is same



def test_the_shipped_catalogue_speaks_french_through_the_plugin_translator(qgis_app):
    """build/dinamis/i18n/dinamis_fr.qm (made by `make translations`), loaded the way the
    plugin loads it, translates the Processing algorithm's name and a core error."""
    from dinamis.core import i18n
    from dinamis.core.errors import LoginRequired
    from dinamis.qgis_glue.translator import PluginTranslator
    translator = PluginTranslator(ROOT / "build" / "dinamis")
    try:
        assert translator.install("fr"), "build/dinamis/i18n/dinamis_fr.qm is missing"
        assert i18n.tr(KNOWN[0]) == KNOWN[1]
        assert "DINAMIS" in str(LoginRequired()) and "connect" in str(LoginRequired())
    finally:
        translator.remove()
    assert i18n.tr(KNOWN[0]) == KNOWN[0]


def test_merge_driver_keeps_the_translations_of_both_branches(tmp_path):
    """Parallel branches each add strings: the git merge driver keeps both sides'."""
    base, ours, theirs = (tmp_path / f"{name}.ts" for name in ("base", "ours", "theirs"))
    i18n_tool.write_ts({"Shared": []}, {"Shared": ("Partagé", None)}, base)
    i18n_tool.write_ts({"Shared": [], "Ours": []},
                       {"Shared": ("Partagé", None), "Ours": ("Le nôtre", None)}, ours)
    i18n_tool.write_ts({"Shared": [], "Theirs": []},
                       {"Shared": ("Partagé", None), "Theirs": ("Le leur", None)}, theirs)
    subprocess.run([sys.executable, str(ROOT / "scripts" / "i18n.py"), "merge", str(base),
                    str(ours), str(theirs)], check=True)
    assert i18n_tool.read_ts(ours) == {"Shared": ("Partagé", None), "Ours": ("Le nôtre", None),
                                       "Theirs": ("Le leur", None)}
