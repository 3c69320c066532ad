"""What the two download algorithms share: which items (a footprint layer or its
selection, or a list of ids), which assets, the folder, the naming pattern, the outcome
table, adding files to the map, and relaying the core's progress to Processing's
feedback from the algorithm's own thread (the core calls back from its workers).
"""
import threading
from contextlib import contextmanager
from pathlib import Path

from qgis.core import (QgsFeatureSink, QgsFields, QgsProcessing, QgsProcessingException,
                       QgsProject,
                       QgsProcessingOutputNumber, QgsProcessingParameterBoolean,
                       QgsProcessingParameterFeatureSink, QgsProcessingParameterFeatureSource,
                       QgsProcessingParameterFolderDestination, QgsProcessingParameterNumber,
                       QgsProcessingParameterString, QgsWkbTypes)

from ..core.i18n import tr
from ..qgis_glue.footprints import typed_field
from .catalogue_algorithm import CatalogueAlgorithm

TABLE_COLUMNS = (("item_id", "string"), ("collection", "string"), ("asset", "string"),
                 ("path", "string"), ("size", "double"), ("status", "string"),
                 ("checksum", "string"), ("reason", "string"))


class DownloadAlgorithm(CatalogueAlgorithm):
    """Base of "Download images" and "Download clipped to an area"."""

    INPUT = "INPUT"
    IDS = "IDS"
    ASSETS = "ASSETS"
    PATTERN = "PATTERN"
    WORKERS = "WORKERS"
    LOAD = "LOAD"
    OUTPUT_FOLDER = "OUTPUT_FOLDER"
    OUTPUT_TABLE = "OUTPUT_TABLE"
    DOWNLOADED = "DOWNLOADED"
    RESUMED = "RESUMED"
    SKIPPED = "SKIPPED"
    FAILED = "FAILED"

    default_workers = 4

    def tags(self):
        return ["dinamis", "download", "stac", "cog", "pleiades", "spot"]

    # --- parameters -------------------------------------------------------------------
    def add_item_parameters(self):
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.INPUT, tr("Footprints (fields id and collection, as the search writes "
                           "them)"), [QgsProcessing.SourceType.TypeVector], optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.IDS, tr("Or item ids (separated by commas, spaces or lines)"),
            multiLine=True, optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.ASSETS, tr("Assets (keys separated by commas; empty for every data file)"),
            optional=True))

    def add_output_parameters(self, folder_label):
        from ..core.download_plan import DEFAULT_PATTERN
        self.addParameter(QgsProcessingParameterString(
            self.PATTERN, tr("File naming pattern ({collection} {item} {asset} {file} "
                             "{stem} {ext})"), defaultValue=DEFAULT_PATTERN))
        self.addParameter(QgsProcessingParameterNumber(
            self.WORKERS, tr("Files fetched at the same time"),
            type=QgsProcessingParameterNumber.Type.Integer, minValue=1, maxValue=16,
            defaultValue=self.default_workers))
        self.addParameter(QgsProcessingParameterBoolean(
            self.LOAD, tr("Add the images to the map when done"), defaultValue=False))
        self.addParameter(QgsProcessingParameterFolderDestination(
            self.OUTPUT_FOLDER, folder_label))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_TABLE, tr("Download report"), QgsProcessing.SourceType.TypeVector,
            optional=True, createByDefault=True))
        for name, label in ((self.DOWNLOADED, tr("Files downloaded")),
                            (self.RESUMED, tr("Files resumed")),
                            (self.SKIPPED, tr("Files already present")),
                            (self.FAILED, tr("Files failed"))):
            self.addOutput(QgsProcessingOutputNumber(name, label))

    def checkParameterValues(self, parameters, context):  # noqa: N802 - QGIS's name
        ok, message = super().checkParameterValues(parameters, context)
        if not ok:
            return ok, message
        from ..core.download_plan import pattern_problem
        if parameters.get(self.INPUT) in (None, "") and \
                not self.parameterAsString(parameters, self.IDS, context).strip():
            return False, tr("Choose a footprint layer or give item ids.")
        problem = pattern_problem(self.parameterAsString(parameters, self.PATTERN, context))
        return (False, problem) if problem else (True, "")

    # --- items --------------------------------------------------------------------------
    def item_ids(self, parameters, context):
        """(ids, collections) of the items to fetch: the layer's features (or its
        selection, as Processing hands it) and the ids typed in; the collections narrow
        the search when the ids all come from the layer."""
        ids, collections = self.wanted_items(parameters, context, self.INPUT, self.IDS)
        if not ids:
            raise QgsProcessingException(tr("No item to download: the layer (or its "
                                            "selection) is empty and no id was given."))
        return ids, collections

    def read_items(self, ids, feedback, stac_url, http, collections=()):
        """The STAC item dicts of `ids` (missing ones are reported)."""
        from ..core.catalogue import Catalogue
        items = Catalogue(stac_url, http).items_by_id(ids, collections)
        found = {item.get("id") for item in items}
        if not items:
            raise QgsProcessingException(tr("None of these items is in the catalogue: "
                                            "{ids}.").format(ids=", ".join(ids)))
        for item_id in ids:
            if item_id not in found:
                feedback.pushWarning(tr("{item}: not in the catalogue.").format(item=item_id))
        return items

    def login_and_plan(self, parameters, context, feedback, folder):
        """Log in (the plugin's login or the one kept in the keyring), read the chosen
        items and plan their files: (signer, [DownloadRequest])."""
        from ..qgis_glue.plugin_session import new_glue_http_session
        from ..qgis_glue.processing_login import processing_login
        ids, collections = self.item_ids(parameters, context)
        session, signer = processing_login()
        with new_glue_http_session() as stac_http:
            items = self.read_items(ids, feedback, session.profile.stac_url, stac_http,
                                    collections)
        return signer, self.plan(parameters, context, feedback, items, folder)

    def plan(self, parameters, context, feedback, items, folder):
        from ..core.download_plan import data_assets, plan
        wanted = [a.strip() for a in
                  self.parameterAsString(parameters, self.ASSETS, context).split(",")
                  if a.strip()]
        for item in items:
            if not data_assets(item, wanted):
                feedback.pushWarning(tr("{item}: no such data file (it has: {known}).")
                                     .format(item=item.get("id"),
                                             known=", ".join(sorted(item.get("assets") or
                                                                    {}))))
        requests_ = plan(items, folder, wanted,
                         self.parameterAsString(parameters, self.PATTERN, context))
        if not requests_:
            raise QgsProcessingException(tr("Nothing to download: none of these items has "
                                            "the files asked for (see the warnings above)."))
        return requests_

    # --- outcomes -----------------------------------------------------------------------
    @contextmanager
    def arrivals(self, parameters, context):
        """With "add to the map" in QGIS's window (the algorithm on a background thread),
        an ArrivalLoader adding each file as soon as it is complete; else None (Processing
        adds them at the end)."""
        from ..qgis_glue import downloaded_layers
        loader = None
        if self.parameterAsBoolean(parameters, self.LOAD, context) \
                and downloaded_layers.ArrivalLoader.wanted():
            loader = downloaded_layers.arrival_loader(context.project()
                                                      or QgsProject.instance())
        try:
            yield loader
        finally:
            if loader is not None:
                downloaded_layers.release(loader)

    def finish(self, parameters, context, feedback, report, folder, arrivals=None):
        """Write the table, queue the layers to load (those not added as they arrived),
        and build the outputs."""
        from ..core import downloads
        fields = QgsFields()
        for name, kind in TABLE_COLUMNS:
            fields.append(typed_field(name, kind))
        sink, table_id = self.parameterAsSink(parameters, self.OUTPUT_TABLE, context, fields,
                                              QgsWkbTypes.Type.NoGeometry)
        load = self.parameterAsBoolean(parameters, self.LOAD, context)
        for result in report.results:
            request = result.request
            if sink is not None:
                from qgis.core import QgsFeature
                feature = QgsFeature(fields)
                feature.setAttributes([request.item_id, request.collection, request.asset,
                                       str(request.path), float(result.size), result.status,
                                       result.checksum_status, result.reason])
                sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
            if load and result.ok and Path(request.path).is_file() and \
                    (arrivals is None or str(request.path) not in arrivals.handed):
                from ..qgis_glue.downloaded_layers import load_on_completion
                load_on_completion(context, request.path,
                                   f"{request.item_id} {request.asset}".strip())
        outputs = {self.OUTPUT_FOLDER: str(folder),
                   self.DOWNLOADED: report.count(downloads.DOWNLOADED),
                   self.RESUMED: report.count(downloads.RESUMED),
                   self.SKIPPED: report.count(downloads.SKIPPED),
                   self.FAILED: report.count(downloads.FAILED)}
        if table_id is not None:
            outputs[self.OUTPUT_TABLE] = table_id
        if report.error is not None:
            raise QgsProcessingException(str(report.error))
        if report.cancelled:
            feedback.pushWarning(tr("Cancelled: run the same download again to resume."))
        elif report.failed:
            feedback.pushWarning(tr("{count} of {total} files failed (the reasons are above "
                                    "and in the report table). Run the same download again "
                                    "with the same folder: only what is missing or failed "
                                    "is fetched.").format(count=len(report.failed),
                                                          total=len(report.results)))
        return outputs


class FeedbackRelay:
    """Collects what the core's worker threads report, and hands it to Processing's
    feedback on the algorithm's thread, each time `poll()` is called there."""

    def __init__(self, feedback, files_total: int = 0, arrivals=None):
        self.feedback = feedback
        self.arrivals = arrivals  # an ArrivalLoader: each complete file goes to the map
        self.files_total = files_total  # progress by files, when no byte progress comes
        self.files_done = 0
        self._lock = threading.Lock()
        self._progress = None
        self._messages = []

    def on_progress(self, progress) -> None:
        with self._lock:
            self._progress = progress

    def on_file_done(self, result) -> None:
        with self._lock:
            self._messages.append(result)
        if self.arrivals is not None and result.ok and Path(result.request.path).is_file():
            request = result.request
            self.arrivals.arrived(request.path, f"{request.item_id} {request.asset}".strip())

    def poll(self) -> bool:
        """Relay what arrived; True when the user cancelled (the core's `cancelled`)."""
        from ..core import downloads
        with self._lock:
            progress, self._progress = self._progress, None
            messages, self._messages = self._messages, []
        self.files_done += len(messages)
        if progress is None and messages and self.files_total:
            self.feedback.setProgress(100.0 * self.files_done / self.files_total)
        for result in messages:
            name = Path(result.request.path).name
            if result.status == downloads.FAILED:
                self.feedback.reportError(tr("{file}: failed. {reason}").format(
                    file=name, reason=result.reason))
            elif result.status == downloads.OUTSIDE:
                self.feedback.pushInfo(tr("{file}: {reason}").format(file=name,
                                                                    reason=result.reason))
            elif result.status != downloads.CANCELLED:
                self.feedback.pushInfo(tr("{file}: {status} ({checksum}).").format(
                    file=name, status=status_text(result.status),
                    checksum=checksum_text(result.checksum_status)))
        if progress is not None:
            self.feedback.setProgress(100.0 * progress.fraction)
            self.feedback.setProgressText(progress_text(progress))
        return self.feedback.isCanceled()


def status_text(status: str) -> str:
    from ..core import downloads
    return {downloads.DOWNLOADED: tr("downloaded"), downloads.RESUMED: tr("resumed"),
            downloads.SKIPPED: tr("already there"), downloads.FAILED: tr("failed"),
            downloads.CANCELLED: tr("cancelled"),
            downloads.OUTSIDE: tr("not covering the area")}.get(status, status)


def checksum_text(status: str) -> str:
    from ..core import downloads
    return {downloads.VERIFIED: tr("checksum verified"),
            downloads.SIZE_CHECKED: tr("size checked"),
            downloads.NOT_CHECKED: tr("not checked"),
            downloads.CORRUPT: tr("corrupt")}.get(status, status)


def progress_text(progress) -> str:
    text = tr("{done} of {total}, {rate}/s").format(
        done=human_bytes(progress.done_bytes), total=human_bytes(progress.total_bytes),
        rate=human_bytes(progress.rate))
    if progress.eta_seconds is not None:
        text += ", " + tr("{time} left").format(time=human_duration(progress.eta_seconds))
    return text


def human_bytes(count: float) -> str:
    """Decimal units, in the user's language (French writes o, Ko, Mo, Go, To)."""
    if abs(count) < 1000:
        return tr("{n} B").format(n=f"{count:.0f}")
    for unit in (tr("{n} KB"), tr("{n} MB"), tr("{n} GB")):
        count /= 1000
        if abs(count) < 1000:
            return unit.format(n=f"{count:.1f}")
    return tr("{n} TB").format(n=f"{count / 1000:.2f}")


def human_duration(seconds: float) -> str:
    seconds = int(round(seconds))
    if seconds < 60:
        return tr("{s} s").format(s=seconds)
    if seconds < 3600:
        return tr("{m} min {s} s").format(m=seconds // 60, s=seconds % 60)
    return tr("{h} h {m} min").format(h=seconds // 3600, m=seconds % 3600 // 60)
