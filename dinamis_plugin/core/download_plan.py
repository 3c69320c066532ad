"""From STAC items to `DownloadRequest`s: which assets, and where each file goes.

No network import at module level (the Processing provider reads the pattern rules
when QGIS starts). Items come from the catalogue (`Catalogue.items_by_id`); each data
asset becomes a request whose path follows a naming pattern inside the output folder. Placeholders: {collection}, {item}, {asset},
{file} (the asset's file name), {stem} and {ext} (its parts). Every value is made safe
as a file name; a pattern cannot leave the folder.
"""
import os
import string
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Dict, Iterable, List, Optional, Sequence, Tuple
from urllib.parse import unquote, urlsplit

from .errors import DinamisError
from .i18n import tr

DEFAULT_PATTERN = "{item}/{file}"
PLACEHOLDERS = ("collection", "item", "asset", "file", "stem", "ext")


@dataclass(frozen=True)
class DownloadRequest:
    """One file to fetch: the asset href (unsigned; the downloader signs it), where to put
    it, and what the item says about it (`file:size`, `file:checksum`)."""

    href: str
    path: Path
    size: Optional[int] = None
    checksum: Optional[str] = None
    item_id: str = ""
    collection: str = ""
    asset: str = ""


def safe_name(name: str) -> str:
    """`name` with only letters, digits, '-', '_' and '.' (others become '_')."""
    cleaned = "".join(c if c.isalnum() or c in "-_." else "_" for c in str(name))
    return cleaned.strip(".") or "_"


def pattern_problem(pattern: str) -> Optional[str]:
    """A translated sentence saying what is wrong with a naming pattern, or None."""
    if not pattern or not pattern.strip():
        return tr("The naming pattern is empty; use for example {example}.").format(
            example=DEFAULT_PATTERN)
    try:
        names = [name for _text, name, _spec, _conv in string.Formatter().parse(pattern)
                 if name is not None]
    except ValueError:
        return tr("The naming pattern \"{pattern}\" has an unmatched brace.").format(
            pattern=pattern)
    unknown = sorted({n for n in names if n not in PLACEHOLDERS})
    if unknown:
        return tr("The naming pattern uses {unknown}; the placeholders are {known}.").format(
            unknown=", ".join("{" + n + "}" for n in unknown),
            known=", ".join("{" + n + "}" for n in PLACEHOLDERS))
    if "file" not in names and "asset" not in names:
        return tr("The naming pattern must contain {file} or {asset}, or two assets of an "
                  "item would get the same name.")
    parts = PurePosixPath(pattern.replace("\\", "/")).parts
    if pattern.startswith(("/", "\\")) or ".." in parts or (parts and ":" in parts[0]):
        return tr("The naming pattern must be a relative path inside the output folder.")
    return None


def file_name(asset_key: str, href: str) -> str:
    name = os.path.basename(unquote(urlsplit(href).path))
    return safe_name(name) if name else safe_name(asset_key)


def target_path(folder, pattern: str, item: dict, asset_key: str, href: str) -> Path:
    name = file_name(asset_key, href)
    stem, dot, ext = name.rpartition(".")
    values = {"collection": safe_name(item.get("collection") or "collection"),
              "item": safe_name(item.get("id") or "item"), "asset": safe_name(asset_key),
              "file": name, "stem": stem if dot else name, "ext": ext if dot else ""}
    relative = pattern.replace("\\", "/").format(**values)
    parts = [safe_name(p) for p in relative.split("/") if p not in ("", ".")]
    return Path(folder).joinpath(*parts)


def data_assets(item: dict, wanted: Sequence[str] = ()) -> Dict[str, dict]:
    """The named assets that the item has, else every asset with the "data" role."""
    assets = item.get("assets") or {}
    if wanted:
        return {key: assets[key] for key in wanted if key in assets}
    return {key: a for key, a in assets.items() if "data" in (a.get("roles") or [])}


def as_dict(item) -> dict:
    return item if isinstance(item, dict) else item.to_dict(transform_hrefs=False)


def plan(items: Iterable, folder, assets: Sequence[str] = (),
         pattern: str = DEFAULT_PATTERN) -> List[DownloadRequest]:
    """One request per wanted asset of every item (dicts or pystac Items). An item given
    twice is fetched once; a pattern that would give two different files one name is
    refused before anything is written (one would silently replace the other)."""
    requests_, hrefs_by_path = [], {}
    for item in items:
        item = as_dict(item)
        for key, asset in data_assets(item, assets).items():
            href = asset.get("href")
            if not isinstance(href, str) or not href.startswith(("http://", "https://")):
                continue
            size = asset.get("file:size")
            path = target_path(folder, pattern, item, key, href)
            if path in hrefs_by_path:
                if hrefs_by_path[path] == href:
                    continue
                raise DinamisError(tr(
                    "The naming pattern \"{pattern}\" gives two files the same name ({name}): "
                    "add {{item}} and {{file}} to it, as in \"{example}\".").format(
                        pattern=pattern, name=path.name, example=DEFAULT_PATTERN))
            hrefs_by_path[path] = href
            requests_.append(DownloadRequest(
                href=href, path=path,
                size=size if isinstance(size, int) and size >= 0 else None,
                checksum=asset.get("file:checksum"), item_id=str(item.get("id") or ""),
                collection=str(item.get("collection") or ""), asset=key))
    return requests_
