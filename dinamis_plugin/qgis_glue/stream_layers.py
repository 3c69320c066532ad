"""Stream STAC assets into the map: signed, natural colour, named, with their metadata.

The entry point for the dock, the Browser, Processing and the console:

    task = add_items_to_map(items, signer, assets=None, mosaic=False,
                            on_done=lambda result: ..., on_error=lambda message: ...)

Two halves. `plan_streams` runs off the main thread: it signs the hrefs (one request per
64), opens each image once through a throw-away layer (GDAL's vsicurl cache then holds
what QGIS reads when it opens the real layer), measures the natural-colour stretch from
an overview, and builds the mosaic VRTs. `create_layers` runs on the main thread and only
assembles layers from that plan. The layers' sources hold presigned urls; the
SignedLayerKeeper (signed_layers) keeps them fresh and out of saved projects.
"""
import threading
import uuid
from dataclasses import dataclass, field
from typing import Callable, Dict, Iterable, List, Optional, Sequence

from qgis.core import QgsProject, QgsRasterLayer

from ..core.errors import DinamisError
from ..core.i18n import tr
from ..core.streamable import (AssetRef, as_item_dict, layer_name, mosaic_name,
                               natural_colour_bands, streamable_assets)
from . import natural_colour
from .gdal_streaming import open_probe, prepare_for, vsicurl_path
from .layer_metadata import stac_metadata
from .tasks import CallableTask, TaskRunner

ITEMS_PROPERTY = "dinamis/items"
ASSET_PROPERTY = "dinamis/asset"


class NothingToStream(DinamisError):
    """None of the given items has an asset that can be streamed."""


@dataclass
class Stream:
    """One layer to be: its (presigned) GDAL source, name, assets, colours, collection."""

    source: str
    name: str
    refs: List[AssetRef]
    colour: natural_colour.NaturalColour
    collection: Optional[dict] = None


@dataclass
class StreamPlan:
    streams: List[Stream] = field(default_factory=list)
    problems: List[str] = field(default_factory=list)  # translated, one per skipped asset


@dataclass
class StreamResult:
    """What `add_items_to_map` hands to `on_done`: the layers added, and what was not."""

    layers: List[QgsRasterLayer]
    problems: List[str]


def _refs(items: Sequence[dict], assets: Optional[Sequence[str]]):
    refs, problems = [], []
    for item in items:
        found = streamable_assets(item, assets)
        for key in [k for k in (assets or []) if k not in found]:
            problems.append(tr("{item} has no asset \"{asset}\" that can be streamed.")
                            .format(item=item.get("id"), asset=key))
        if not found and not assets:
            problems.append(tr("{item} has no image file to stream (an orderable image: "
                               "request it from the catalogue).").format(item=item.get("id")))
        refs.extend(AssetRef(item, key) for key in found)
    return refs, problems


_collections: Dict[str, Optional[dict]] = {}
_collections_lock = threading.Lock()


def _collection_of(item: dict, http) -> Optional[dict]:
    """The item's collection document (licence, providers), fetched once per session."""
    url = next((link.get("href") for link in item.get("links") or []
                if isinstance(link, dict) and link.get("rel") == "collection"), None)
    if not url or http is None:
        return None
    with _collections_lock:
        if url in _collections:
            return _collections[url]
    try:
        response = http.get(url, timeout=(5, 20))
        document = response.json() if response.ok else None
    except Exception:  # noqa: BLE001 - metadata is a bonus: never a reason to fail
        document = None
    with _collections_lock:
        _collections[url] = document if isinstance(document, dict) else None
    return _collections[url]


def _mosaic_vrt(paths: List[str]) -> str:
    """An inline VRT of `paths` (GDAL reads their headers, no pixel)."""
    from osgeo import gdal
    name = f"/vsimem/dinamis-mosaic-{uuid.uuid4().hex}.vrt"
    gdal.PushErrorHandler("CPLQuietErrorHandler")  # GDAL's messages quote the signed url
    try:
        dataset = gdal.BuildVRT(name, paths, resolution="highest")
    except RuntimeError:  # gdal.UseExceptions() may be on (another plugin, the console)
        dataset = None
    finally:
        gdal.PopErrorHandler()
    if dataset is None:
        raise DinamisError(tr("GDAL could not build the mosaic of these images."))
    xml = dataset.GetMetadata("xml:VRT")[0]
    dataset = None
    gdal.Unlink(name)
    return xml


def _crs_key(path: str) -> Optional[str]:
    """The CRS of an image (WKT), reading its header only; None if it does not open."""
    from osgeo import gdal
    gdal.PushErrorHandler("CPLQuietErrorHandler")  # GDAL's messages quote the signed url
    try:
        dataset = gdal.Open(path)
    except RuntimeError:  # gdal.UseExceptions() may be on (another plugin, the console)
        dataset = None
    finally:
        gdal.PopErrorHandler()
    return dataset.GetProjection() if dataset is not None else None


def _groups(refs: List[AssetRef], signed: Dict[str, str], mosaic: bool, problems):
    """[(source, refs)]: one per asset, or per (asset key, CRS) for mosaics (GDAL's VRT
    mosaics images of one CRS)."""
    if not mosaic:
        return [(vsicurl_path(signed[r.href]), [r]) for r in refs]
    by_key: Dict[tuple, List[AssetRef]] = {}
    for ref in refs:
        crs = _crs_key(vsicurl_path(signed[ref.href]))
        if crs is None:
            problems.append(unreadable(f"{ref.item.get('id')} / {ref.key}",
                                       signed[ref.href]))
            continue
        by_key.setdefault((ref.key, crs), []).append(ref)
    groups = []
    for members in by_key.values():
        paths = [vsicurl_path(signed[r.href]) for r in members]
        groups.append((paths[0] if len(paths) == 1 else _mosaic_vrt(paths), members))
    return groups


def unreadable(name: str, signed_url: str) -> str:
    """Why GDAL could not open an image, and what to do, from one small request of the
    same signed url (the status says more than GDAL's message, which quotes the url and
    is never shown). Worker thread."""
    import requests
    from .plugin_session import new_glue_http_session
    try:
        with new_glue_http_session(retries=0) as http:
            response = http.get(signed_url, headers={"Range": "bytes=0-0"}, timeout=(10, 20),
                                stream=True, allow_redirects=True)
            status = response.status_code
            response.close()
    except (requests.RequestException, DinamisError):
        status = None
    if status is None:
        return tr("{name}: the DINAMIS storage cannot be reached. Check your network "
                  "connection and QGIS's proxy settings (Settings › Options › Network), "
                  "then try again.").format(name=name)
    if status in (401, 403):
        return tr("{name}: the DINAMIS storage refused access. Log in again from the "
                  "DINAMIS panel and try again; if it persists, your account may not give "
                  "access to this collection.").format(name=name)
    if status in (404, 410):
        return tr("{name}: this file is not in the DINAMIS storage (any more). Run the "
                  "search again; if the image is still listed, report its id to DINAMIS "
                  "support.").format(name=name)
    if status < 300:
        return tr("{name}: QGIS cannot read this file as an image. Download it instead "
                  "(right-click › Download) and open it from your disk.").format(name=name)
    return tr("{name}: the DINAMIS storage answered with an error ({status}). Try again "
              "in a moment; if it persists, download it instead (right-click › Download)."
              ).format(name=name, status=status)


def plan_streams(items: Iterable, signer, assets: Optional[Sequence[str]] = None,
                 mosaic: bool = False, cancel: Optional[threading.Event] = None) -> StreamPlan:
    """Off the main thread: everything that reads the network, as plain data."""
    items = [as_item_dict(item) for item in items]
    refs, problems = _refs(items, assets)
    if not refs:
        raise NothingToStream(" ".join(problems) or tr("No image to add to the map."))
    signed = signer.sign_urls([r.href for r in refs])
    prepare_for(signed.values())
    plan = StreamPlan(problems=problems)
    for source, members in _groups(refs, signed, mosaic, plan.problems):
        if cancel is not None and cancel.is_set():
            break
        probe = open_probe(source)
        first = members[0]
        name = mosaic_name(members) if len(members) > 1 else layer_name(first)
        if not probe.isValid():
            plan.problems.append(unreadable(name, signed[first.href]))
            continue
        bands = natural_colour_bands(first.item, first.asset, probe.bandCount())
        plan.streams.append(Stream(source, name, members,
                                   natural_colour.measure(probe, bands),
                                   _collection_of(first.item, getattr(signer, "http", None))))
    return plan


def create_layers(plan: StreamPlan) -> StreamResult:
    """Main thread: the layers of `plan`, styled and described, not yet in a project."""
    layers, problems = [], list(plan.problems)
    options = QgsRasterLayer.LayerOptions()
    options.loadDefaultStyle = False
    for stream in plan.streams:
        layer = QgsRasterLayer(stream.source, stream.name, "gdal", options)
        if not layer.isValid():
            problems.append(tr("{name} could not be opened from the DINAMIS storage. Try "
                               "again in a moment; if it persists, download it instead "
                               "(right-click › Download).").format(name=stream.name))
            continue
        natural_colour.apply(layer, stream.colour)
        layer.setMetadata(stac_metadata(stream.refs, layer.crs(), stream.collection))
        layer.setCustomProperty(ITEMS_PROPERTY, [str(r.item.get("id")) for r in stream.refs])
        layer.setCustomProperty(ASSET_PROPERTY, stream.refs[0].key)
        layers.append(layer)
    return StreamResult(layers, problems)


_runner = TaskRunner()


def add_items_to_map(items: Iterable, signer, assets: Optional[Sequence[str]] = None,
                     mosaic: bool = False, project: Optional[QgsProject] = None,
                     on_done: Optional[Callable[[StreamResult], None]] = None,
                     on_error: Optional[Callable[[str], None]] = None,
                     runner: Optional[TaskRunner] = None) -> CallableTask:
    """Add the `assets` (keys; None: every data asset) of STAC `items` (pystac Items or
    dicts) to `project` as streamed layers, or as one mosaic per asset with `mosaic`.

    Returns at once: the work runs in a QgsTask and the layers are added on the main
    thread, then `on_done(StreamResult)`; a failure calls `on_error(translated message)`.
    `signer` is the plugin's (SessionController.signer()) or the console's.
    """
    dicts = [as_item_dict(item) for item in items]
    wanted = list(assets) if assets else None

    def done(plan: StreamPlan):
        result = create_layers(plan)
        (project or QgsProject.instance()).addMapLayers(result.layers)
        if on_done is not None:
            on_done(result)

    return (runner or _runner).run(tr("Adding DINAMIS images to the map"),
                                   lambda cancel: plan_streams(dicts, signer, wanted, mosaic,
                                                               cancel),
                                   done, on_error)


def cancel_all() -> None:
    """Plugin unload: stop the additions still running."""
    _runner.cancel_all()
