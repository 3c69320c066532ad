"""Parse a STAC page (a FeatureCollection) without holding Python's GIL for long.

`json.loads` of a page of hundreds of items is one C call: tens of milliseconds during
which no other Python thread runs. Inside QGIS the other thread is the UI: its Python
slots (painting the results list, timers) wait, and the map stutters while a search
loads. Reading the page's top-level object member by member, and its "features" array
one feature at a time (`raw_decode`), costs the same in total but lets the interpreter
switch threads between features. The result equals what `json.loads` gives; any text
this reader does not follow is handed to `json.loads` (same result, same errors).

Each feature comes as a `Feature`: a dict that also keeps its own JSON text (`raw`), so
a caller keeping many items can keep them as text without encoding them again. A
`feature_hook` replaces each feature by what it returns (None: left out) as soon as the
feature is parsed, so the dicts of a whole page never live at once: a search kept as plain
values gives Python's garbage collector tens of thousands fewer objects to walk.
"""
import copy
import json
import re

_DECODER = json.JSONDecoder()
_SPACE = re.compile(r"[ \t\n\r]*")
_SMALL = 64 * 1024  # below this, one json.loads is short anyway
_BLANKS = (" ", "\t", "\n", "\r")


class Feature(dict):
    """A feature of a page: a plain dict, plus `raw`, its JSON text as received."""

    __slots__ = ("raw",)

    def __copy__(self):
        copied = Feature(self)
        copied.raw = self.raw
        return copied

    def __deepcopy__(self, memo):
        """As fast as a dict's deep copy (a dict subclass would take the slow, generic
        path), keeping `raw`."""
        copied = Feature(copy.deepcopy(dict(self), memo))
        copied.raw = self.raw
        return copied


class _HookFailed(Exception):
    """A feature_hook's own error, kept apart from this reader's parse errors."""

    def __init__(self, error: BaseException):
        super().__init__()
        self.error = error


def loads(text: str, feature_hook=None):
    """`json.loads(text)`, feature by feature when `text` is a large JSON object; with
    `feature_hook`, the top-level "features" are what it returns for each (None: left
    out)."""
    try:
        if len(text) >= _SMALL:
            try:
                return _top_object(text, feature_hook)
            except (ValueError, IndexError):
                pass
        return _hooked(json.loads(text), feature_hook)
    except _HookFailed as failed:
        raise failed.error from None


def _hooked(result, feature_hook):
    if feature_hook is not None and isinstance(result, dict) \
            and isinstance(result.get("features"), list):
        reduced = [_reduced(feature_hook, f) for f in result["features"]]
        result["features"] = [f for f in reduced if f is not None]
    return result


def _reduced(feature_hook, value):
    try:
        return feature_hook(value)
    except Exception as error:  # noqa: BLE001 - raised again by loads, as it was
        raise _HookFailed(error) from error


def _top_object(text: str, feature_hook=None) -> dict:
    position = _skip(text, 0)
    if not text.startswith("{", position):
        raise ValueError("not an object")
    result = {}
    position = _skip(text, position + 1)
    if text.startswith("}", position):
        return _end(text, position + 1, result)
    while True:
        key, position = _DECODER.raw_decode(text, position)
        if not isinstance(key, str):
            raise ValueError("a member name must be a string")
        position = _expect(text, position, ":")
        if key == "features" and text.startswith("[", position):
            value, position = _array(text, position + 1, feature_hook)
        else:
            value, position = _DECODER.raw_decode(text, position)
        result[key] = value
        position = _skip(text, position)
        if text.startswith(",", position):
            position = _skip(text, position + 1)
        elif text.startswith("}", position):
            return _end(text, position + 1, result)
        else:
            raise ValueError("expected , or }")


def _array(text: str, position: int, feature_hook=None):
    items = []
    scan = _DECODER.scan_once  # raw_decode without its Python frame: one per feature
    position = _skip(text, position)
    if text.startswith("]", position):
        return items, position + 1
    while True:
        start = position
        try:
            value, position = scan(text, position)
        except StopIteration:
            raise ValueError("expected a value") from None
        if value.__class__ is dict:
            value = Feature(value)
            value.raw = text[start:position]
        if feature_hook is not None:
            value = _reduced(feature_hook, value)
            if value is not None:
                items.append(value)
        else:
            items.append(value)
        char = text[position:position + 1]
        if char not in (",", "]"):  # whitespace (pretty-printed pages): the slow path
            position = _skip(text, position)
            char = text[position:position + 1]
        if char == ",":
            position += 1
            if text[position:position + 1] in _BLANKS:
                position = _skip(text, position)
        elif char == "]":
            return items, position + 1
        else:
            raise ValueError("expected , or ]")


def _skip(text: str, position: int) -> int:
    return _SPACE.match(text, position).end()


def _expect(text: str, position: int, char: str) -> int:
    position = _skip(text, position)
    if not text.startswith(char, position):
        raise ValueError(f"expected {char}")
    return _skip(text, position + 1)


def _end(text: str, position: int, result: dict) -> dict:
    if _skip(text, position) != len(text):
        raise ValueError("extra data")
    return result


def trailing_next_link(text: str):
    """The "next" link of a page whose top-level "links" come after its "features" (as
    stac-fastapi writes pages), read from the end of the text without parsing the
    features, so the next page can be asked for while this one is parsed. None when
    there is none, or when the page is written otherwise (the caller then finds it
    after parsing, as usual)."""
    at = text.rfind('"links"')
    if at < 0:
        return None
    try:
        position = _expect(text, at + len('"links"'), ":")
        links, position = _DECODER.raw_decode(text, position)
        rest = text[_skip(text, position):].rstrip()
        if rest == "}":
            tail = {}
        elif rest.startswith(","):  # only top-level members may follow: numberMatched...
            tail = json.loads("{" + rest[1:])
        else:
            return None
        if not isinstance(links, list) or not isinstance(tail, dict) or "features" in tail:
            return None
    except (ValueError, IndexError):
        return None
    return next((link for link in links
                 if isinstance(link, dict) and link.get("rel") == "next"), None)
