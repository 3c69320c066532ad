"""Rewriting a saved project file (.qgs, or the .qgs inside a .qgz) through a text filter.

Used as the last net against secrets in saved projects: only when the filter changes the
text is the file rewritten, through a temporary file in the same folder and an atomic
replace, every other member of a .qgz (the auxiliary storage) kept as it was.
"""
import os
import tempfile
import zipfile
from pathlib import Path
from typing import Callable

Filter = Callable[[str], str]


def clean_project_file(path: str, clean: Filter) -> bool:
    """Apply `clean` to the project text of `path`; True if the file was rewritten.
    Paths that are not local files (project storages, unsaved projects) are left alone."""
    if not path or not os.path.isfile(path):
        return False
    target = Path(path)
    if target.suffix.lower() == ".qgz":
        return _clean_archive(target, clean)
    if target.suffix.lower() == ".qgs":
        text = target.read_text("utf-8")
        cleaned = clean(text)
        if cleaned == text:
            return False
        _replace(target, lambda out: out.write(cleaned.encode("utf-8")))
        return True
    return False


def _clean_archive(target: Path, clean: Filter) -> bool:
    with zipfile.ZipFile(target) as archive:
        members = [(info, archive.read(info)) for info in archive.infolist()]
    changed = False
    rewritten = []
    for info, data in members:
        if info.filename.lower().endswith(".qgs"):
            text = data.decode("utf-8")
            cleaned = clean(text)
            if cleaned != text:
                data, changed = cleaned.encode("utf-8"), True
        rewritten.append((info, data))
    if not changed:
        return False

    def write(out):
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
            for info, data in rewritten:
                archive.writestr(info, data)
    _replace(target, write)
    return True


def _replace(target: Path, write) -> None:
    handle, temporary = tempfile.mkstemp(prefix=".dinamis-", dir=target.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            write(out)
        os.replace(temporary, target)
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise
