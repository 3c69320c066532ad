"""The core must run without QGIS (console scripts, Processing workers): no `qgis` import."""
import ast
from pathlib import Path

CORE = Path(__file__).resolve().parents[2] / "dinamis_plugin" / "core"


def qgis_imports(source: str, filename: str):
    """(line, statement) of every import of qgis or its Qt wrappers in `source`."""
    found = []
    for node in ast.walk(ast.parse(source, filename)):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            names = [node.module or ""] if node.level == 0 else []
        elif (isinstance(node, ast.Call) and getattr(node.func, "id", getattr(
                node.func, "attr", "")) in ("__import__", "import_module")
              and node.args and isinstance(node.args[0], ast.Constant)):
            names = [str(node.args[0].value)]
        else:
            continue
        for name in names:
            if name.split(".")[0] in ("qgis", "PyQt5", "PyQt6", "sip"):
                found.append((node.lineno, name))
    return found


def test_checker_catches_every_import_form():
    sample = ("import qgis.core\nfrom qgis.PyQt import QtCore\nimport os\n"
              "def f():\n    from PyQt5 import QtGui\n    __import__('qgis.utils')\n"
              "from . import qgis_like\n")
    assert [name for _, name in qgis_imports(sample, "<sample>")] == [
        "qgis.core", "qgis.PyQt", "PyQt5", "qgis.utils"]


def test_core_never_imports_qgis():
    files = sorted(CORE.rglob("*.py"))
    assert len(files) >= 8, "the core package looks empty: wrong path?"
    offenders = [f"{path.relative_to(CORE)}:{line}: {name}"
                 for path in files
                 for line, name in qgis_imports(path.read_text(encoding="utf-8"), str(path))]
    assert offenders == []
