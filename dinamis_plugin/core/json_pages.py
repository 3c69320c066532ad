"""Parse a STAC page (a FeatureCollection) without holding Python's GIL for long.

`json.loads` of a page of hundreds of items is one C call: tens of milliseconds during
which no other Python thread runs. Inside QGIS the other thread is the UI: its Python
slots (painting the results list, timers) wait, and the map stutters while a search
loads. Reading the page's top-level object member by member, and its "features" array
one feature at a time (`raw_decode`), costs the same in total but lets the interpreter
switch threads between features. The result equals what `json.loads` gives; any text
this reader does not follow is handed to `json.loads` (same result, same errors).

Each feature comes as a `Feature`: a dict that also keeps its own JSON text (`raw`), so
a caller keeping many items can keep them as text without encoding them again.
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


def loads(text: str):
    """`json.loads(text)`, feature by feature when `text` is a large JSON object."""
    if len(text) < _SMALL:
        return json.loads(text)
    try:
        return _top_object(text)
    except (ValueError, IndexError):
        return json.loads(text)


def _top_object(text: str) -> dict:
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
            value, position = _array(text, position + 1)
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


def _array(text: str, position: int):
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
