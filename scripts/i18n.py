"""Translation tooling: `update` the French catalogue from the source, `release` it,
`check` it,
`merge` two branches' catalogues (git merge driver).

Why our own extractor: the plugin's strings go through `core.i18n.tr("literal")` (the
core cannot use Qt's `self.tr`), under the single context "dinamis", which pylupdate
does not understand. So `update` reads the Python sources with `ast`, collects the
first argument of every `tr("literal")` call and merges it into i18n/dinamis_fr.ts (Qt
TS XML): existing translations kept, new strings `type="unfinished"`, strings gone from
the source `type="vanished"` (kept so that a string coming back keeps its translation;
lrelease skips them). `release` compiles the .qm with lrelease. `check` exits 1 listing
untranslated strings and translations whose `{placeholders}` differ from the source.
"""
import argparse
import ast
import re
import shutil
import string
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [ROOT / "dinamis_plugin", ROOT / "processing_provider"]
EXCLUDED = {"_vendor", "__pycache__"}
TS_FILE = ROOT / "i18n" / "dinamis_fr.ts"
QM_FILE = TS_FILE.with_suffix(".qm")
CONTEXT = "dinamis"
LANGUAGE = "fr_FR"
PERCENT_FIELD = re.compile(r"%(?:\([^)]*\))?[-#0 +]*\d*(?:\.\d+)?[sdifrx%]")


def source_files():
    for base in SOURCES:
        for path in sorted(base.rglob("*.py")):
            if not EXCLUDED & set(path.relative_to(base).parts):
                yield path


def _is_tr_call(node) -> bool:
    func = node.func
    if isinstance(func, ast.Name):
        return func.id == "tr"
    # `i18n.tr("...")`, not a Qt object's own `self.tr` (another context).
    return (isinstance(func, ast.Attribute) and func.attr == "tr"
            and isinstance(func.value, ast.Name) and func.value.id == "i18n")


def extract(files=None, root=ROOT):
    """({source text: [(path relative to root, line), ...]}, [non-literal call sites])."""
    messages, dynamic = {}, []
    for path in files or source_files():
        rel = path.relative_to(root).as_posix()
        tree = ast.parse(path.read_bytes(), filename=str(path))
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and _is_tr_call(node) and node.args):
                continue
            arg = node.args[0]
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                messages.setdefault(arg.value, []).append((rel, node.lineno))
            else:
                dynamic.append(f"{rel}:{node.lineno}")
    for locations in messages.values():
        locations.sort()
    return messages, dynamic


def placeholders(text: str) -> Counter:
    """`{name}` fields (with their format spec) and %-style fields: what formatting needs."""
    fields = Counter()
    try:
        for _literal, name, spec, conv in string.Formatter().parse(text):
            if name is not None:
                fields["{" + name + (f"!{conv}" if conv else "") + (f":{spec}" if spec else "") + "}"] += 1
    except ValueError:
        fields["<unbalanced braces>"] += 1
    fields.update(m for m in PERCENT_FIELD.findall(text) if m != "%%")
    return fields


def read_ts(path: Path = TS_FILE) -> dict:
    """{source: (translation, type or None)} from an existing catalogue."""
    if not path.exists():
        return {}
    found = {}
    for message in ET.parse(path).getroot().iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        text = (translation.text or "") if translation is not None else ""
        kind = translation.get("type") if translation is not None else "unfinished"
        found[source] = (text, kind)
    return found


def write_ts(messages: dict, existing: dict, path: Path = TS_FILE) -> Counter:
    root = ET.Element("TS", version="2.1", language=LANGUAGE, sourcelanguage="en")
    context = ET.SubElement(root, "context")
    ET.SubElement(context, "name").text = CONTEXT
    stats = Counter()
    for source in sorted(messages, key=str.casefold):
        message = ET.SubElement(context, "message")
        for rel, line in messages[source]:
            ET.SubElement(message, "location",
                          filename=Path("..", rel).as_posix(), line=str(line))
        ET.SubElement(message, "source").text = source
        text, kind = existing.get(source, ("", "unfinished"))
        if kind in ("vanished", "obsolete"):
            kind = "unfinished" if not text else None
        translation = ET.SubElement(message, "translation")
        translation.text = text
        if kind:
            translation.set("type", kind)
        stats["unfinished" if kind == "unfinished" or not text else "finished"] += 1
    for source in sorted(set(existing) - set(messages), key=str.casefold):
        text, _kind = existing[source]
        if not text:
            continue
        message = ET.SubElement(context, "message")
        ET.SubElement(message, "source").text = source
        ET.SubElement(message, "translation", type="vanished").text = text
        stats["vanished"] += 1
    ET.indent(root, space="    ")
    path.parent.mkdir(parents=True, exist_ok=True)
    body = ET.tostring(root, encoding="unicode")
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n",
                    encoding="utf-8")
    return stats


def problems(messages: dict, translations: dict) -> list:
    """One line per string that is untranslated or whose placeholders differ."""
    found = []
    for source, locations in sorted(messages.items(), key=lambda kv: kv[1][0]):
        where = "{}:{}".format(*locations[0])
        text, kind = translations.get(source, ("", "unfinished"))
        if kind in ("unfinished", "vanished", "obsolete") or not text.strip():
            found.append(f"{where}: untranslated: {source!r}")
        elif placeholders(text) != placeholders(source):
            found.append(f"{where}: placeholders differ: {source!r} -> {text!r}")
    return found


def lrelease_binary() -> str:
    for candidate in ("/usr/bin/lrelease", "/usr/lib/qt5/bin/lrelease", "lrelease-qt5",
                      "lrelease"):
        found = shutil.which(candidate)
        if found:
            return found
    raise SystemExit("i18n: lrelease not found (Debian: apt install qttools5-dev-tools)")


def cmd_update(_args) -> int:
    messages, dynamic = extract()
    stats = write_ts(messages, read_ts())
    print(f"i18n: {TS_FILE.relative_to(ROOT)}: {len(messages)} strings, "
          f"{stats['finished']} translated, {stats['unfinished']} to translate, "
          f"{stats['vanished']} vanished")
    for site in dynamic:
        print(f"i18n: warning: {site}: tr() of a non-literal cannot be extracted")
    return 0


def cmd_release(_args) -> int:
    if not TS_FILE.exists():
        raise SystemExit(f"i18n: {TS_FILE} is missing: run `scripts/i18n.py update`")
    subprocess.run([lrelease_binary(), "-silent", str(TS_FILE), "-qm", str(QM_FILE)],
                   check=True)
    print(f"i18n: wrote {QM_FILE.relative_to(ROOT)}")
    return 0


def cmd_check(_args) -> int:
    messages, _dynamic = extract()
    found = problems(messages, read_ts())
    for line in found:
        print(line)
    print(f"i18n: {len(messages)} strings, {len(found)} problem(s)")
    return 1 if found else 0


def cmd_merge(args) -> int:
    """Git merge driver for i18n/*.ts: the union of both sides' translations.

    Installed with `git config merge.dinamis-ts.driver "python3 scripts/i18n.py merge %O %A %B"`
    (.gitattributes names it). Where both sides translate a string differently, ours wins.
    Locations are refreshed by the next `make translations`.
    """
    ours, theirs = Path(args.ours), Path(args.theirs)
    merged = read_ts(theirs)
    for source, (text, kind) in read_ts(ours).items():
        if text or source not in merged:
            merged[source] = (text, kind)
    # Sources may hold conflict markers now: keep every live string, without locations.
    live = {source: [] for source, (_text, kind) in merged.items() if kind != "vanished"}
    write_ts(live, merged, ours)
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    for name, func in (("update", cmd_update), ("release", cmd_release), ("check", cmd_check)):
        sub.add_parser(name).set_defaults(func=func)
    merge = sub.add_parser("merge")
    merge.add_argument("base")
    merge.add_argument("ours")
    merge.add_argument("theirs")
    merge.set_defaults(func=cmd_merge)
    args = parser.parse_args()
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
