"""Processing algorithm "Download DINAMIS images": the data files of chosen footprints.

Input is a footprint layer (e.g. the output of "Search the DINAMIS catalogue": it needs
the `id` and `collection` fields). For each footprint the item is read from the active
profile's STAC API, its data assets are signed in batches with the plugin's login
(the one shared with the console, `dinamis.login()`), and streamed to
<folder>/<item id>/<file name>. Files already complete are skipped, so a cancelled or
failed batch resumes where it stopped. Cancelling is honoured between chunks.
"""
import os
from pathlib import Path
from urllib.parse import unquote, urlsplit

from qgis.core import (QgsProcessingException,
                       QgsProcessingOutputNumber, QgsProcessingParameterFeatureSource,
                       QgsProcessingParameterFolderDestination, QgsProcessingParameterString,
                       QgsProcessing)

from ..core.i18n import tr
from .catalogue_algorithm import CatalogueAlgorithm

CHUNK = 1 << 20


class DownloadImagesAlgorithm(CatalogueAlgorithm):
    """Signs and downloads the data assets of the items behind a footprint layer."""

    INPUT = "INPUT"
    ASSETS = "ASSETS"
    OUTPUT_FOLDER = "OUTPUT_FOLDER"
    DOWNLOADED = "DOWNLOADED"
    SKIPPED = "SKIPPED"

    def name(self):
        return "downloadimages"

    def displayName(self):  # noqa: N802 - QGIS's name
        return tr("Download DINAMIS images")

    def shortHelpString(self):  # noqa: N802 - QGIS's name
        return tr("Downloads the image files of the footprints of a layer made by \"Search "
                  "the DINAMIS catalogue\" (fields id and collection) into a folder, one "
                  "sub-folder per image. Needs a login with an active DINAMIS account. "
                  "Files already downloaded are skipped, so a stopped download resumes.")

    def initAlgorithm(self, config=None):  # noqa: N802 - QGIS's name
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.INPUT, tr("Footprints"), [QgsProcessing.SourceType.TypeVectorPolygon]))
        self.addParameter(QgsProcessingParameterString(
            self.ASSETS, tr("Assets (keys separated by commas; empty for every data file)"),
            optional=True))
        self.addParameter(QgsProcessingParameterFolderDestination(
            self.OUTPUT_FOLDER, tr("Download folder")))
        self.addOutput(QgsProcessingOutputNumber(self.DOWNLOADED, tr("Files downloaded")))
        self.addOutput(QgsProcessingOutputNumber(self.SKIPPED, tr("Files already present")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 - QGIS's name
        from ..core.errors import DinamisError
        refs = self.footprint_refs(parameters, self.INPUT, context)
        wanted = [a.strip() for a in
                  self.parameterAsString(parameters, self.ASSETS, context).split(",")
                  if a.strip()]
        folder = Path(self.parameterAsString(parameters, self.OUTPUT_FOLDER, context))
        try:
            counts = self._download(refs, wanted, folder, feedback)
        except DinamisError as error:
            raise QgsProcessingException(str(error)) from None
        return {self.OUTPUT_FOLDER: str(folder), self.DOWNLOADED: counts[0],
                self.SKIPPED: counts[1]}

    def _download(self, refs, wanted, folder, feedback):
        from .. import api
        from ..core.errors import LoginRequired
        session = api.session()
        if not session.is_logged_in:
            raise LoginRequired()
        signer = api.signer()
        # A plain session: presigned object urls must not carry the login's bearer token.
        from ..qgis_glue.plugin_session import new_glue_http_session
        http = new_glue_http_session()
        stac_url = session.profile.stac_url.rstrip("/") + "/"
        downloaded = skipped = 0
        for index, (collection, item_id) in enumerate(refs):
            if feedback.isCanceled():
                break
            item = _read_item(http, stac_url, collection, item_id)
            assets = _data_assets(item, wanted)
            if not assets:
                feedback.pushWarning(tr("{item}: no data file to download.").format(item=item_id))
                continue
            signed = signer.sign_urls([a["href"] for a in assets.values()])
            for key, asset in assets.items():
                target = folder / _safe(item_id) / _file_name(key, asset["href"])
                if _complete(target, asset):
                    skipped += 1
                    continue
                feedback.pushInfo(tr("Downloading {item} / {asset}").format(item=item_id,
                                                                          asset=key))
                if _fetch(http, signed[asset["href"]], target, feedback):
                    downloaded += 1
            feedback.setProgress(100.0 * (index + 1) / len(refs))
        return downloaded, skipped


def _read_item(http, stac_url, collection, item_id) -> dict:
    from ..core.errors import ServiceUnreachable, error_from_response
    import requests
    url = f"{stac_url}collections/{collection}/items/{item_id}"
    try:
        response = http.get(url)
    except requests.RequestException:
        raise ServiceUnreachable(stac_url) from None
    if not response.ok:
        raise error_from_response(response)
    return response.json()


def _data_assets(item: dict, wanted) -> dict:
    """The assets to fetch: the named ones, else every asset with the "data" role."""
    assets = item.get("assets") or {}
    if wanted:
        missing = [key for key in wanted if key not in assets]
        if missing:
            raise QgsProcessingException(tr(
                "{item} has no asset {missing}; it has: {known}.").format(
                    item=item.get("id"), missing=", ".join(missing),
                    known=", ".join(sorted(assets))))
        return {key: assets[key] for key in wanted}
    return {key: a for key, a in assets.items() if "data" in (a.get("roles") or [])}


def _safe(name: str) -> str:
    return "".join(c if c.isalnum() or c in "-_." else "_" for c in name) or "item"


def _file_name(key: str, href: str) -> str:
    name = os.path.basename(unquote(urlsplit(href).path))
    return _safe(name) if name else _safe(key)


def _complete(target: Path, asset: dict) -> bool:
    """Already downloaded: present with the advertised size (any size if none is)."""
    if not target.is_file():
        return False
    size = asset.get("file:size")
    return size is None or target.stat().st_size == size


def _fetch(http, url, target: Path, feedback) -> bool:
    """Stream `url` into `target` through a .part file; False if cancelled."""
    from ..core.errors import ServiceUnreachable, error_from_response
    import requests
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".part")
    try:
        with http.get(url, stream=True) as response:
            if not response.ok:
                raise error_from_response(response)
            with open(partial, "wb") as out:
                for chunk in response.iter_content(CHUNK):
                    if feedback.isCanceled():
                        break
                    out.write(chunk)
    except requests.RequestException:
        raise ServiceUnreachable(urlsplit(url)._replace(query="").geturl()) from None
    if feedback.isCanceled():
        partial.unlink(missing_ok=True)
        return False
    os.replace(partial, target)
    return True
