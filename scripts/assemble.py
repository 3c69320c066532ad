"""Assemble the installed plugin folder `dinamis` from the source tree.

`--mode link` builds build/dinamis out of symlinks (edits show up at once in tests and the
demo); `--mode zip` writes the zip QGIS's "Install from ZIP" takes, with real copies.
"""
import argparse
import os
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PLUGIN_NAME = "dinamis"
# Entries assembled beside the files of dinamis_plugin/ in the plugin folder.
EXTRA = ["processing_provider", "resources", "i18n", "metadata.txt", "LICENSE"]
SKIP_NAMES = {"__pycache__", ".pytest_cache", ".ready", "_vendor.new", "_vendor.old"}
SKIP_SUFFIXES = {".pyc", ".ts"}


def plugin_entries():
    """(name in the plugin folder, source path) for every top-level entry."""
    entries = [(p.name, p) for p in sorted((ROOT / "dinamis_plugin").iterdir())
               if p.name not in SKIP_NAMES]
    entries += [(name, ROOT / name) for name in EXTRA if (ROOT / name).exists()]
    return entries


def link(dest: Path):
    """Add missing links and drop dangling ones, never removing the folder: a test run
    reading build/dinamis while another process re-assembles it keeps working."""
    dest.mkdir(parents=True, exist_ok=True)
    for entry in dest.iterdir():
        if entry.is_symlink() and not entry.exists():
            entry.unlink()
    for name, src in plugin_entries():
        if not (dest / name).is_symlink():
            os.symlink(os.path.relpath(src, dest), dest / name)


def wanted(path: Path) -> bool:
    return not (set(path.parts) & SKIP_NAMES) and path.suffix not in SKIP_SUFFIXES


def zip_plugin(dest: Path):
    dest.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, src in plugin_entries():
            files = [src] if src.is_file() else sorted(p for p in src.rglob("*") if p.is_file())
            for path in files:
                rel = Path(name) / path.relative_to(src) if src.is_dir() else Path(name)
                if wanted(rel):
                    archive.write(path, Path(PLUGIN_NAME) / rel)
    print(f"wrote {dest}")


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mode", choices=["link", "zip"], required=True)
    parser.add_argument("--dest", required=True, type=Path)
    args = parser.parse_args()
    (link if args.mode == "link" else zip_plugin)(args.dest)


if __name__ == "__main__":
    main()
