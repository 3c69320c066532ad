"""The last catalogue search, kept with the QGIS project.

Saved as one JSON project entry (`dinamis/search`): the SearchParameters' `to_dict()`
and the area of interest's kind and label. Nothing secret is in a search (no token, no
signed url): the area and the filters only. It is written while QGIS writes the project
(the `writeProject` signal comes before project entries are serialised), so searching
alone never marks a project as modified.
"""
import json
from typing import Optional, Tuple

from qgis.core import QgsProject

from ..core.search_params import SearchParameters
from .search_area import SearchArea

SCOPE = "dinamis"
KEY = "search"
VERSION = 1


def encode(params: SearchParameters, aoi: Optional[SearchArea]) -> str:
    data = params.to_dict()
    data.pop("bbox", None)  # the area is the SearchArea's
    data.pop("geometry", None)
    return json.dumps({"version": VERSION, "parameters": data,
                       "area": aoi.to_dict() if aoi else None}, ensure_ascii=False)


def decode(text: str) -> Optional[Tuple[SearchParameters, Optional[SearchArea]]]:
    """(parameters, area) from `encode`'s text; None when absent or unreadable."""
    try:
        data = json.loads(text)
        params = SearchParameters.from_dict(data.get("parameters") or {})
    except (TypeError, ValueError, AttributeError):
        return None
    area = SearchArea.from_dict(data.get("area"))
    return params, area


def write(project: QgsProject, params: SearchParameters, aoi: Optional[SearchArea]) -> None:
    project.writeEntry(SCOPE, KEY, encode(params, aoi))


def read(project: QgsProject) -> Optional[Tuple[SearchParameters, Optional[SearchArea]]]:
    text, found = project.readEntry(SCOPE, KEY, "")
    return decode(text) if found and text else None
