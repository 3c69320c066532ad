"""Streamed layers whose presigned urls never expire on the user and never reach a file.

`SignedLayerKeeper` looks after every GDAL raster layer of the project that streams from
the DINAMIS storage, however it came (the plugin, the Browser, a url pasted by hand or
from the console, inside a VRT or not):

- Saving: QGIS's path writer gets every layer source as it is written (project, .qlr,
  copy-paste); the keeper writes the unsigned hrefs instead of the presigned urls. A last
  pass over the project document (`QgsProject.writeProject`) removes any presigned url
  left elsewhere (a layer named after its url, metadata...). Known limit: a signed url
  added by hand is renamed, but QGIS made the layer's id from its first name, and an id
  cannot be changed before QGIS 3.38; a .qlr exported or a layer copied from it still
  carries that id (the .qgs/.qgz are scrubbed of it).
- Opening: QGIS's path pre-processor gets every source read; signatures found in a file
  are never trusted (expired, tampered, or someone else's). A url the keeper signed
  moments ago is reused; otherwise the layer opens on a *waiting source* (a transparent
  one-pixel dataset that costs no request, see core.layer_sources) and is signed right
  after the project is read, or when the login arrives.
- Running: a timer on the main thread scans the layers; a layer whose signature nears
  expiry (the signer's own margin), whose source is waiting, or that failed to open with a
  storage url, is signed again in a QgsTask, GDAL's cache is warmed there for the new url,
  and the source is swapped on the main thread with `setDataSource`, which keeps the
  style, renderer and opacity; the project's "modified" flag is left as it was. Without a
  login, expired layers turn into waiting ones instead of failing on every redraw.

Nothing here blocks the UI on the network: the hooks only rewrite strings.
"""
import logging
import time
from datetime import datetime, timedelta, timezone
from typing import Callable, Dict, List, Optional, Tuple

from qgis.core import (QgsDataProvider, QgsPathResolver, QgsProject, QgsRasterLayer)
from qgis.PyQt.QtCore import QObject, QTimer, pyqtSignal

from ..core import layer_sources, signed_url
from ..core.errors import DinamisError
from ..core.i18n import tr
from .tasks import TaskRunner

LOG = logging.getLogger("dinamis")

CHECK_INTERVAL_MS = 20_000
RETRY_AFTER_FAILURE_S = 60.0
DEFAULT_MARGIN = timedelta(minutes=30)

Renewal = Dict[str, Tuple[str, str]]  # layer id -> (source when scanned, unsigned source)


def _utc_now() -> datetime:
    return datetime.now(timezone.utc)


def renew_at(url: str, margin: timedelta) -> Optional[datetime]:
    """When a presigned url should be replaced (as the Signer decides it); None: now."""
    expiry, lifetime = signed_url.expiry_of(url), signed_url.lifetime_of(url)
    if expiry is None or lifetime is None:
        return None
    return expiry - min(margin, lifetime / 2)


def _canonical(source: str) -> str:
    """The source as the plugin reasons about it: the url behind a waiting source or a
    loopback redirect (core.presigned_redirect)."""
    behind = layer_sources.source_behind(source)
    return layer_sources.without_redirect(behind if behind is not None else source)


def _stale_redirect(source: str) -> bool:
    """A loopback redirect of an earlier run (plugin reloaded): its port is gone."""
    if layer_sources.REDIRECT_PATH not in source:
        return False
    from .gdal_streaming import gdal_source
    return gdal_source(source) != source


def swap_source(layer, source: str) -> None:
    """Give `layer` a new source, keeping its style and the project's modified flag."""
    project = layer.project() or QgsProject.instance()
    was_dirty = project.isDirty()
    options = QgsDataProvider.ProviderOptions()
    options.transformContext = project.transformContext()
    layer.setDataSource(source, layer.name(), layer.providerType(), options, False)
    renderer = layer.renderer()
    if layer.isValid() and renderer is not None and any(
            band > layer.bandCount() for band in renderer.usesBands()):
        # a style made for another image (a project saved without one, while waiting)
        layer.setDataSource(source, layer.name(), layer.providerType(), options, True)
    layer.triggerRepaint()
    if not was_dirty:
        project.setDirty(False)


def sign_sources(signer, renewal: Renewal, is_storage: Callable[[str], bool]) -> Dict[str, str]:
    """Worker thread: {layer id: signed source}; GDAL's cache is warmed for each of them
    so that the swap on the main thread reads nothing from the network."""
    from .gdal_streaming import gdal_source, open_probe, prepare_for
    wanted = list(dict.fromkeys(url for _old, base in renewal.values()
                                for url in layer_sources.urls_in(base) if is_storage(url)))
    signed = signer.sign_urls(wanted)
    prepare_for(signed.values())
    sources = {layer_id: gdal_source(layer_sources.signed_source(base, signed))
               for layer_id, (_old, base) in renewal.items()}
    for source in set(sources.values()):
        open_probe(source)  # made and dropped here: the swap then reads from GDAL's cache
    return sources


class SignedLayerKeeper(QObject):
    """Keeps the project's streamed layers signed (see the module docstring).

    `controller` is the plugin's SessionController (signer, login state, `changed`).
    """

    waiting = pyqtSignal(int)  # layers waiting for a login to be signed (0: none)
    failed = pyqtSignal(str)  # a translated sentence, for the message bar
    renewed = pyqtSignal(list)  # ids of layers whose source was just swapped

    def __init__(self, controller, project: Optional[QgsProject] = None,
                 interval_ms: int = CHECK_INTERVAL_MS, parent=None):
        super().__init__(parent)
        self.controller = controller
        self.project = project or QgsProject.instance()
        self.runner = TaskRunner()
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.check)
        self._soon = QTimer(self)
        self._soon.setSingleShot(True)
        self._soon.setInterval(0)
        self._soon.timeout.connect(self.check)
        self._task = None
        self._again = False
        self._retry_after = 0.0
        self._last_failure = ""
        self._waiting_count = 0
        self._fresh: Dict[str, str] = {}  # unsigned url -> the signed url a layer uses
        self._broken: Dict[str, str] = {}  # layer id -> signed source that did not open
        self._known_profiles: List = []
        self._hooks: List[Tuple[Callable, str]] = []
        self._connections: List[Tuple[object, Callable]] = []

    # --- lifetime --------------------------------------------------------------------
    def install(self) -> None:
        self._refresh_profiles()
        self._hooks = [
            (QgsPathResolver.removePathWriter, QgsPathResolver.setPathWriter(self.write_path)),
            (QgsPathResolver.removePathPreprocessor,
             QgsPathResolver.setPathPreprocessor(self.read_path))]
        for signal, slot in ((self.project.writeProject, self.scrub_document),
                             (self.project.writeMapLayer, self._scrub_layer_element),
                             (self.project.projectSaved, self.scrub_saved_file),
                             (self.project.readProject, self.check_soon),
                             (self.project.layersAdded, self._layers_added),
                             (self.controller.changed, self._login_changed)):
            signal.connect(slot)
            self._connections.append((signal, slot))
        self.timer.start()

    def uninstall(self) -> None:
        for remove, hook_id in self._hooks:
            remove(hook_id)
        self._hooks = []
        for signal, slot in self._connections:
            try:
                signal.disconnect(slot)
            except (TypeError, RuntimeError):
                pass
        self._connections = []
        self.timer.stop()
        self._soon.stop()
        self.runner.cancel_all()
        self.runner.wait_all(5.0)
        self._task = None

    def watch_canvas(self, canvas) -> None:
        """Check before each redraw: a laptop waking from the night re-signs at once."""
        canvas.renderStarting.connect(self.check_soon)
        self._connections.append((canvas.renderStarting, self.check_soon))

    # --- which urls are ours ---------------------------------------------------------
    def _refresh_profiles(self) -> None:
        from . import settings
        profiles = list(settings.all_profiles())
        profiles.append(self.controller.profile)
        self._known_profiles = profiles

    def is_known_storage(self, url: str) -> bool:
        """On the storage of any profile: its presigned urls are never saved."""
        return any(p.is_storage_url(url) for p in self._known_profiles)

    def is_signable(self, url: str) -> bool:
        """On the storage of the active profile: the plugin's signer can sign it."""
        return self.controller.profile.is_storage_url(url)

    def _margin(self) -> timedelta:
        signer = self.controller.signer(create=False)
        return getattr(signer, "expiry_margin", DEFAULT_MARGIN)

    # --- path hooks (any thread; strings only) ---------------------------------------
    def write_path(self, path: str) -> str:
        try:
            if not layer_sources.might_hold_urls(path):
                return path
            return layer_sources.unsigned_source(_canonical(path), self.is_known_storage)
        except Exception as error:  # noqa: BLE001 - a hook must never break saving
            LOG.warning("DINAMIS path writer failed: %s", type(error).__name__)  # no url
            return path

    def read_path(self, path: str) -> str:
        try:  # QGIS may resolve a source twice: a waiting source stays as it is
            if (not layer_sources.might_hold_urls(path)
                    or layer_sources.source_behind(path) is not None):
                return path
            base = layer_sources.unsigned_source(_canonical(path), self.is_known_storage)
            urls = [u for u in layer_sources.urls_in(base) if self.is_known_storage(u)]
            if not urls:
                return base
            now, margin = _utc_now(), self._margin()
            fresh = {u: self._fresh[u] for u in urls if u in self._fresh
                     and (renew_at(self._fresh[u], margin) or now) > now}
            if len(fresh) == len(urls):
                from .gdal_streaming import gdal_source
                return gdal_source(layer_sources.signed_source(base, fresh))
            return layer_sources.waiting_source(base)  # signed once the project is read
        except Exception as error:  # noqa: BLE001 - a hook must never break opening a project
            LOG.warning("DINAMIS path pre-processor failed: %s", type(error).__name__)
            return path

    def scrub_document(self, document) -> None:
        """A pass over the project document as QGIS emits it (layer tree, snapping,
        relations; the layers come through `writeMapLayer`): no presigned url anywhere."""
        if not layer_sources.holds_signature(document.toString(-1)):
            return
        self._scrub_node(document.documentElement())

    def scrub_saved_file(self) -> None:
        """The last net, on the file just written: QGIS writes parts of a project after
        the signals above (layer order, themes, layouts), where the id of a layer named
        after its presigned url (QGIS makes ids from names, and ids cannot change) lands.
        A .qgz is zipped after this signal: it is checked as soon as QGIS is idle again."""
        path = self.project.fileName()
        if path.lower().endswith(".qgz"):
            QTimer.singleShot(0, lambda: self._clean_file(path))
        else:
            self._clean_file(path)

    def _clean_file(self, path: str) -> None:
        import zipfile
        from .saved_projects import clean_project_file
        try:
            if clean_project_file(path, self._clean_file_text):
                LOG.info("DINAMIS: signatures taken out of the saved project file")
        except (OSError, ValueError, zipfile.BadZipFile) as error:
            LOG.warning("DINAMIS could not check the saved project: %s", type(error).__name__)

    def _clean_file_text(self, text: str) -> str:
        text = layer_sources.unsigned_source(layer_sources.without_redirect(text),
                                             self.is_known_storage)
        return layer_sources.without_mangled_signatures(text)

    def _scrub_layer_element(self, _layer, element, _document) -> None:
        """Each layer's XML, written after `writeProject` has been emitted."""
        self._scrub_node(element)

    def _clean(self, text: str) -> str:
        """`text` without the storage's presigned urls, nor fragments of one (a layer
        named "image.tif?X-Amz-...", its id); a whole presigned url of another host stays."""
        text = layer_sources.unsigned_source(_canonical(text), self.is_known_storage)
        if layer_sources.holds_signature(text) and not layer_sources.signed_urls_in(text):
            text = layer_sources.without_signature_queries(text)
        return text

    def _scrub_node(self, node) -> None:
        child = node.firstChild()
        while not child.isNull():
            if child.isElement():
                attributes = child.toElement().attributes()
                for i in range(attributes.count()):
                    attribute = attributes.item(i).toAttr()
                    if layer_sources.holds_signature(attribute.value()):
                        attribute.setValue(self._clean(attribute.value()))
                self._scrub_node(child)
            elif child.isText() or child.isCDATASection():
                text = child.toCharacterData()
                if layer_sources.holds_signature(text.data()):
                    text.setData(self._clean(text.data()))
            child = child.nextSibling()

    # --- checking --------------------------------------------------------------------
    def check_soon(self, *_args) -> None:
        if not self._soon.isActive():
            self._soon.start()

    def _layers_added(self, layers) -> None:
        for layer in layers:  # a layer named after its presigned url (added by hand)
            if layer_sources.holds_signature(layer.name()):
                layer.setName(self._clean(layer.name()))
        self.check_soon()

    def _login_changed(self) -> None:
        self._refresh_profiles()
        self._retry_after = 0.0
        self.check_soon()

    def streamed_layers(self) -> List[QgsRasterLayer]:
        """The project's GDAL raster layers that stream from a known storage."""
        found = []
        for layer in self.project.mapLayers().values():
            if not isinstance(layer, QgsRasterLayer) or layer.providerType() != "gdal":
                continue
            source = _canonical(layer.source())
            if source != layer.source() or any(self.is_known_storage(u)
                                               for u in layer_sources.urls_in(source)):
                found.append(layer)
        return found

    def due(self) -> Renewal:
        """Layers to sign now: {id: (current source, unsigned source)}."""
        now, margin = _utc_now(), self._margin()
        renewal: Renewal = {}
        for layer in self.streamed_layers():
            source = layer.source()
            behind = layer_sources.source_behind(source)
            canonical = _canonical(source)
            base = layer_sources.unsigned_source(canonical, self.is_known_storage)
            urls = [u for u in layer_sources.urls_in(canonical) if self.is_signable(u)]
            if behind is not None:
                if any(self.is_signable(u) for u in layer_sources.urls_in(base)):
                    renewal[layer.id()] = (source, base)
                continue
            if not urls or (not layer.isValid() and self._broken.get(layer.id()) == source):
                continue  # not ours, or signed and still not opening: not again and again
            when = [renew_at(u, margin) for u in urls]
            if (not layer.isValid() or any(w is None or w <= now for w in when)
                    or _stale_redirect(source)):
                renewal[layer.id()] = (source, base)
            else:
                self._fresh.update((signed_url.unsigned(u), u) for u in urls
                                   if signed_url.is_signed(u))
        return renewal

    def waiting_layers(self) -> List[QgsRasterLayer]:
        return [layer for layer in self.streamed_layers()
                if layer_sources.source_behind(layer.source()) is not None]

    def check(self) -> None:
        """Main thread: start signing what is due (at most one task at a time)."""
        if self._task is not None:
            self._again = True
            return
        renewal = self.due()
        if renewal and self.controller.can_sign() and time.monotonic() >= self._retry_after:
            self._start(renewal)
        elif renewal and not self.controller.can_sign():
            self._park_expired(renewal)
        self._report_waiting()

    def _park_expired(self, renewal: Renewal) -> None:
        """No login: layers whose signature has run out wait instead of failing."""
        now = _utc_now()
        for layer_id, (source, base) in renewal.items():
            if layer_sources.source_behind(source) is not None:
                continue
            expiries = [signed_url.expiry_of(u) for u in layer_sources.signed_urls_in(source)]
            layer = self.project.mapLayer(layer_id)
            if layer is not None and (not layer.isValid()
                                      or any(e is None or e <= now for e in expiries)):
                swap_source(layer, layer_sources.waiting_source(base))

    def _report_waiting(self) -> None:
        count = len(self.waiting_layers())
        if count != self._waiting_count:
            self._waiting_count = count
            self.waiting.emit(count)

    def _start(self, renewal: Renewal) -> None:
        try:
            signer = self.controller.signer()
        except DinamisError as error:  # e.g. an unusable proxy setting
            self._failed(str(error))
            return
        is_signable = self.is_signable
        self._task = self.runner.run(
            tr("Signing the DINAMIS images of the map again"),
            lambda _cancel: sign_sources(signer, renewal, is_signable),
            lambda sources: self._done(renewal, sources), self._failed)

    def _done(self, renewal: Renewal, sources: Dict[str, str]) -> None:
        self._task = None
        self._last_failure = ""
        swapped, broken = [], []
        for layer_id, source in sources.items():
            layer = self.project.mapLayer(layer_id)
            if layer is None or layer.source() != renewal[layer_id][0]:
                continue  # removed or changed meanwhile: the next check sees it again
            swap_source(layer, source)
            swapped.append(layer_id)
            self._fresh.update((signed_url.unsigned(u), u)
                               for u in layer_sources.signed_urls_in(source))
            if layer.isValid():
                self._broken.pop(layer_id, None)
            else:
                self._broken[layer_id] = source
                broken.append(layer.name())
        if swapped:
            self.renewed.emit(swapped)
        if broken:  # GDAL's reason quotes the url: not shown
            self.failed.emit(tr("DINAMIS could not open {names} even freshly signed: the "
                                "image may have been removed from the storage.").format(
                                    names=", ".join(broken)))
        self._report_waiting()
        if self._again:
            self._again = False
            self.check_soon()

    def _failed(self, message: str) -> None:
        self._task = None
        self._again = False
        self._retry_after = time.monotonic() + RETRY_AFTER_FAILURE_S
        if message != self._last_failure:
            self._last_failure = message
            self.failed.emit(message)
        self._report_waiting()
