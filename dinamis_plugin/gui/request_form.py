"""The new request form: an archive image to order, or an area to acquire (programming).

Everything the user types, picks or draws goes into the current draft at once (saved in
the background, so a crash or a restart of QGIS reopens it where it was). The choices
(sensors, modes, production options, the minimum order) come from the server's
`options`; quotas and prices from the user's `me/quotas`.

Filing: the draft's body and idempotency key are frozen and saved before anything is
sent; a submission whose outcome is unknown (connection lost) keeps the form locked on
that body and offers "Retry", which can never file the request twice. Where the
deployment has no demand API, the form says so plainly and offers the export and the
web form instead of a Submit button.
"""
from datetime import date

from qgis.core import QgsGeometry
from qgis.PyQt.QtCore import QDate, QUrl, pyqtSignal
from qgis.PyQt.QtGui import QDesktopServices
from qgis.PyQt.QtWidgets import (QButtonGroup, QComboBox, QDateEdit, QDoubleSpinBox,
                                 QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit,
                                 QMessageBox, QPlainTextEdit, QPushButton, QRadioButton,
                                 QSpinBox, QVBoxLayout, QWidget)

from ..core.demand_drafts import RequestDraft
from ..core.demand_items import is_orderable, item_dict, item_label, sensor_for_item
from ..core.demand_models import kind_label, mode_label
from ..core.i18n import tr
from ..core.profiles import DINAMIS
from ..qgis_glue import settings
from ..qgis_glue.aoi import geometry_from_geojson, geometry_to_geojson
from .area_panel import WARNING_STYLE, AreaPanel, number
from .widgets import VerticalScrollArea, plain_label


def option_label(name: str) -> str:
    return {"processing_level": tr("Processing level"), "image_format": tr("Image format"),
            "radiometric_processing": tr("Radiometric processing"),
            "pixel_coding": tr("Pixel coding")}.get(name, name.replace("_", " ").capitalize())


class RequestForm(QWidget):
    """Prepare, check and file one request (the current draft)."""

    filed = pyqtSignal(object)  # core DemandRequest, once DINAMIS has it
    projects_requested = pyqtSignal()  # "New project…": the dock shows its Projects tab

    def __init__(self, service, iface, parent=None):
        super().__init__(parent)
        self.service = service
        self.iface = iface
        self.draft: RequestDraft = None
        self._filing = None  # the draft being filed or sent back, until DINAMIS answers
        self._profile_name = service.profile.name
        self._loading = False
        self._choices_key = None
        self.confirm = self._ask_confirmation  # replaceable: tests answer for the user
        self.open_url = lambda url: QDesktopServices.openUrl(QUrl(url))

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        body = QWidget()
        layout = QVBoxLayout(body)
        outer.addWidget(VerticalScrollArea(body))

        drafts_row = QHBoxLayout()
        drafts_row.addWidget(QLabel(tr("Draft")))
        self.drafts_combo = QComboBox()
        self.drafts_combo.setObjectName("draftsCombo")
        drafts_row.addWidget(self.drafts_combo, 1)
        self.new_draft_button = QPushButton(tr("New"))
        self.delete_draft_button = QPushButton(tr("Delete"))
        drafts_row.addWidget(self.new_draft_button)
        drafts_row.addWidget(self.delete_draft_button)
        layout.addLayout(drafts_row)

        kind_row = QHBoxLayout()
        self.programming_radio = QRadioButton(tr("Programming (new acquisition)"))
        self.archive_radio = QRadioButton(tr("Archive (an orderable image)"))
        self.kind_group = QButtonGroup(self)
        self.kind_group.addButton(self.programming_radio)
        self.kind_group.addButton(self.archive_radio)
        kind_row.addWidget(self.programming_radio)
        kind_row.addWidget(self.archive_radio)
        layout.addLayout(kind_row)

        form = QFormLayout()
        project_row = QHBoxLayout()
        self.project_combo = QComboBox()
        self.project_combo.setObjectName("projectCombo")
        self.new_project_button = QPushButton(tr("New project…"))
        project_row.addWidget(self.project_combo, 1)
        project_row.addWidget(self.new_project_button)
        form.addRow(tr("Project"), project_row)
        self.sensor_combo = QComboBox()
        self.sensor_combo.setObjectName("sensorCombo")
        form.addRow(tr("Sensor"), self.sensor_combo)
        layout.addLayout(form)

        self.archive_box = QGroupBox(tr("Archive image"))
        archive = QFormLayout(self.archive_box)
        item_row = QHBoxLayout()
        self.item_edit = QLineEdit()
        self.item_edit.setObjectName("itemEdit")
        self.item_edit.setPlaceholderText(tr("Id of an orderable catalogue image"))
        self.item_button = QPushButton(tr("Find"))
        item_row.addWidget(self.item_edit, 1)
        item_row.addWidget(self.item_button)
        archive.addRow(tr("Image"), item_row)
        self.item_label = plain_label("itemLabel")
        archive.addRow("", self.item_label)
        layout.addWidget(self.archive_box)
        self.area = AreaPanel(iface)  # first after what is ordered: the figures that matter
        layout.addWidget(self.area)

        self.programming_box = QGroupBox(tr("Acquisition"))
        programming = QFormLayout(self.programming_box)
        period_row = QHBoxLayout()
        self.start_edit = QDateEdit()
        self.end_edit = QDateEdit()
        for edit in (self.start_edit, self.end_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            period_row.addWidget(edit)
        programming.addRow(tr("Period"), period_row)
        self.mode_combo = QComboBox()
        programming.addRow(tr("Mode"), self.mode_combo)
        self.cloud_spin = QSpinBox()
        self.cloud_spin.setRange(0, 100)
        self.cloud_spin.setSuffix(" %")
        programming.addRow(tr("Maximum cloud cover"), self.cloud_spin)
        self.incidence_spin = QDoubleSpinBox()
        self.incidence_spin.setDecimals(0)
        self.incidence_spin.setSuffix(" °")
        programming.addRow(tr("Maximum incidence angle"), self.incidence_spin)
        layout.addWidget(self.programming_box)

        self.production_box = QGroupBox(tr("Production options"))
        self.production_form = QFormLayout(self.production_box)
        self.production_combos = {}
        layout.addWidget(self.production_box)

        self.note_edit = QPlainTextEdit()
        self.note_edit.setPlaceholderText(tr("A note for DINAMIS (optional)"))
        self.note_edit.setMaximumHeight(70)
        layout.addWidget(self.note_edit)

        layout.addStretch(1)

        # Pinned under the scrolled form: why it cannot be filed yet, and the way to file.
        bottom = QVBoxLayout()
        bottom.setContentsMargins(6, 0, 6, 6)
        outer.addLayout(bottom)
        self.blocker_label = plain_label("blockerLabel", error=True)
        bottom.addWidget(self.blocker_label)
        self.result_label = plain_label("resultLabel")
        bottom.addWidget(self.result_label)

        self.web_box = QGroupBox(tr("File the request on the DINAMIS website"))
        web = QVBoxLayout(self.web_box)
        self.web_label = plain_label("webFormLabel")
        web.addWidget(self.web_label)
        web_row = QHBoxLayout()
        self.web_export_button = QPushButton(tr("Export the area…"))
        self.web_open_button = QPushButton(tr("Open the DINAMIS web form"))
        web_row.addWidget(self.web_export_button)
        web_row.addWidget(self.web_open_button)
        web.addLayout(web_row)
        bottom.addWidget(self.web_box)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.submit_button = QPushButton(tr("Submit the request"))
        self.submit_button.setObjectName("submitButton")
        buttons.addWidget(self.submit_button)
        bottom.addLayout(buttons)

        self.drafts_combo.activated.connect(self._draft_chosen)
        self.new_draft_button.clicked.connect(lambda: self.new_draft())
        self.delete_draft_button.clicked.connect(self.delete_draft)
        self.programming_radio.toggled.connect(self._kind_toggled)
        self.new_project_button.clicked.connect(self.projects_requested)
        self.item_button.clicked.connect(self._find_item)
        self.item_edit.returnPressed.connect(self._find_item)
        self.item_edit.textEdited.connect(self._item_typed)
        for signal in (self.project_combo.activated, self.sensor_combo.activated,
                       self.start_edit.dateChanged, self.end_edit.dateChanged,
                       self.mode_combo.activated, self.cloud_spin.valueChanged,
                       self.incidence_spin.valueChanged, self.note_edit.textChanged):
            signal.connect(self._edited)
        self.area.area_changed.connect(self._area_changed)
        self.submit_button.clicked.connect(self.submit)
        self.web_export_button.clicked.connect(lambda: self.area.export_file())
        self.web_open_button.clicked.connect(self.open_web_form)
        service.changed.connect(self.refresh)
        service.quote_ready.connect(self.area.show_server_quote)
        service.quote_failed.connect(self._quote_failed)

        current = service.drafts.current()
        self.load_draft(current or RequestDraft())
        self.refresh()

    # --- drafts ---------------------------------------------------------------------
    def load_draft(self, draft: RequestDraft) -> None:
        """Show `draft` in the form (the area on the map too) and make it current. A blank
        draft left for another is dropped, so "New" never piles up empty drafts."""
        left = self.draft
        if left is not None and left is not draft and left.is_blank() \
                and self.service.drafts.get(left.id) is not None:
            self.service.drafts.delete(left.id)
        self._loading = True
        try:
            self.draft = draft
            self.programming_radio.setChecked(draft.kind != "archive")
            self.archive_radio.setChecked(draft.kind == "archive")
            self.start_edit.setDate(QDate.fromString(draft.period_start, "yyyy-MM-dd"))
            self.end_edit.setDate(QDate.fromString(draft.period_end, "yyyy-MM-dd"))
            self.cloud_spin.setValue(int(draft.max_cloud_cover))
            self.incidence_spin.setValue(float(draft.max_incidence))
            self.note_edit.setPlainText(draft.note)
            self.item_edit.setText(draft.item_id)
            self.item_label.setText(draft.item_label)
            geometry = geometry_from_geojson(draft.aoi) if draft.aoi else QgsGeometry()
            self.area.restore(geometry, draft.aoi_source)
            self.result_label.clear()
            self._fill_choices(force=True)
        finally:
            self._loading = False
        if draft.pending_submit:
            self._save()
        else:  # what the form shows is what the draft holds (e.g. the only project)
            self._collect()

    def new_draft(self, kind: str = "programming") -> RequestDraft:
        if self.submitting:
            return self.draft
        draft = RequestDraft(kind=kind, production_options=self._default_options())
        self.load_draft(draft)
        return draft

    def edit_request(self, request) -> None:
        """Change a request DINAMIS sent back: its fields in a draft, submitted again."""
        if not self.submitting:
            self.load_draft(RequestDraft.editing(request))

    def delete_draft(self) -> None:
        if self.submitting or self.draft.pending_submit:
            return
        if not self.draft.is_blank() and not self.confirm(tr(
                "Delete this draft, its area and what you typed in it? This cannot be "
                "undone.")):
            return
        self.service.drafts.delete(self.draft.id)
        remaining = self.service.drafts.drafts()
        self.load_draft(remaining[0] if remaining else RequestDraft(
            production_options=self._default_options()))

    def _draft_chosen(self, index: int) -> None:
        draft = self.service.drafts.get(self.drafts_combo.itemData(index))
        if draft is not None and draft.id != self.draft.id and not self.submitting:
            self.load_draft(draft)

    def _fill_drafts(self) -> None:
        self.drafts_combo.blockSignals(True)
        self.drafts_combo.clear()
        for draft in self.service.drafts.drafts():
            self.drafts_combo.addItem(self._draft_title(draft), draft.id)
        self.drafts_combo.setCurrentIndex(max(self.drafts_combo.findData(self.draft.id), 0))
        self.drafts_combo.blockSignals(False)

    def _draft_title(self, draft: RequestDraft) -> str:
        options = self.service.options
        what = draft.item_id if draft.kind == "archive" else (
            options.sensor_label(draft.sensor) if options else draft.sensor)
        parts = [kind_label(draft.kind), what or "…",
                 draft.updated_at[:16].replace("T", " ")]
        if draft.pending_submit:
            parts.append(tr("being filed"))
        if draft.edits_request:
            parts.insert(0, tr("Changes to {id}").format(id=draft.edits_request))
        return " · ".join(parts)

    def _default_options(self) -> dict:
        options = self.service.options
        return options.default_production_options() if options else {}

    # --- archive from the catalogue --------------------------------------------------
    def start_archive(self, item) -> None:
        """A new archive draft from an orderable catalogue item (STAC dict, pystac Item or
        id). With an id only, the item is read from the catalogue first."""
        if isinstance(item, str):
            self.new_draft("archive")
            self.item_edit.setText(item.strip())
            self._find_item()
            return
        item = item_dict(item)
        draft = RequestDraft(kind="archive", production_options=self._default_options())
        self.load_draft(draft)
        self._take_item(item)

    def _find_item(self) -> None:
        item_id = self.item_edit.text().strip()
        if not item_id:
            return
        self.item_label.setText(tr("Reading the catalogue…"))
        draft = self.draft  # the answer is for this draft only, if the user moved on

        def read(item):
            if self.draft is draft:
                self._take_item(item)

        def failed(message):
            if self.draft is draft:
                self.item_label.setText(message)
        self.service.fetch_item(item_id, read, failed)

    def _item_typed(self, _text: str) -> None:
        """Another id typed: kept in the draft at once; the footprint shown is no longer
        this image's, so it goes (Undo brings it back) until Find reads the new one."""
        if self._loading or self.draft.pending_submit:
            return
        if self.draft.item_label:
            self.draft.item_label = ""
            self.item_label.setText(tr("Press Find (or Enter) to read this image from the "
                                       "catalogue."))
            if not self.area.geometry().isEmpty():
                self.area.clear()
        self._edited()

    def _take_item(self, item: dict) -> None:
        if self.draft.kind != "archive":
            return
        self.draft.item_id = str(item.get("id") or "")
        self.draft.item_label = item_label(item)
        orderable = is_orderable(item)
        if orderable is False:
            self.draft.item_label += " — " + tr(
                "this image is downloadable already: no request is needed, download it from "
                "the catalogue.")
        sensor = sensor_for_item(item, self.service.options)
        if sensor:
            self.draft.sensor = sensor
        self.item_edit.setText(self.draft.item_id)
        self.item_label.setText(self.draft.item_label)
        if item.get("geometry"):
            self.area.set_area(geometry_from_geojson(item["geometry"]), None,
                               tr("Footprint of {id}").format(id=self.draft.item_id))
        self._fill_choices(force=True)
        self._save()

    # --- choices from the server ----------------------------------------------------
    def refresh(self) -> None:
        """The service's data changed (options, projects, quotas, login, profile)."""
        if self.service.profile.name != self._profile_name:  # another profile's drafts
            self._profile_name = self.service.profile.name
            self._filing = None  # its answer, if any, goes to the draft, not to this form
            current = self.service.drafts.current()
            self.load_draft(current or RequestDraft(
                production_options=self._default_options()))
            return
        self._fill_choices()
        self._fill_drafts()
        self._update_state()
        self._ask_quote()

    def _fill_choices(self, force: bool = False) -> None:
        """The combos from the server's data; untouched when that data did not change (the
        background poll refreshes often)."""
        options = self.service.options
        key = (options, [(p.id, p.title) for p in self.service.projects], self.draft.id)
        if key == self._choices_key and not force:
            return
        self._choices_key = key
        was_loading, self._loading = self._loading, True
        try:
            self.project_combo.clear()
            projects = self.service.projects
            if len(projects) > 1 and not self.draft.project_id:  # never one picked silently
                self.project_combo.addItem(tr("Choose a project…"), "")
            for project in projects:
                self.project_combo.addItem(project.display_name(), project.id)
            if self.draft.project_id and self.project_combo.findData(self.draft.project_id) < 0:
                self.project_combo.addItem(self.draft.project_id, self.draft.project_id)
            if not self.project_combo.count():
                self.project_combo.addItem(
                    tr("No project yet: create one") if self.service.available
                    else tr("Projects are kept on the DINAMIS website"), "")
            self.project_combo.setCurrentIndex(max(self.project_combo.findData(
                self.draft.project_id), 0))
            self.sensor_combo.clear()
            for sensor in options.sensors if options else ():
                self.sensor_combo.addItem(sensor.label, sensor.id)
            if self.draft.sensor and self.sensor_combo.findData(self.draft.sensor) < 0:
                self.sensor_combo.addItem(self.draft.sensor, self.draft.sensor)
            if not self.sensor_combo.count() and not self.service.available:
                self.sensor_combo.addItem(tr("Chosen in the DINAMIS web form"), "")
            self.sensor_combo.setCurrentIndex(max(self.sensor_combo.findData(self.draft.sensor),
                                                  0))
            self.mode_combo.clear()
            modes = list((options.modes if options else ()) or ("mono",))
            if self.draft.mode and self.draft.mode not in modes:  # kept until options say
                modes.append(self.draft.mode)
            for mode in modes:
                self.mode_combo.addItem(mode_label(mode), mode)
            self.mode_combo.setCurrentIndex(max(self.mode_combo.findData(self.draft.mode), 0))
            self.incidence_spin.setRange(0, (options.max_incidence_deg if options
                                             and options.max_incidence_deg else 90))
            self.incidence_spin.setValue(float(self.draft.max_incidence))
            self._fill_production_options(options)
            self.area.set_limits(options.min_order_km2 if options else None,
                                 options.max_aoi_vertices if options else None)
        finally:
            self._loading = was_loading
        if not self._loading:
            self._collect()

    def _fill_production_options(self, options) -> None:
        while self.production_form.rowCount():
            self.production_form.removeRow(0)
        self.production_combos = {}
        for name, (values, default) in (options.production_options.items() if options else ()):
            combo = QComboBox()
            for value in values:
                combo.addItem(value, value)
            chosen = self.draft.production_options.get(name, default)
            combo.setCurrentIndex(max(combo.findData(chosen), 0))
            combo.activated.connect(self._edited)
            self.production_form.addRow(option_label(name), combo)
            self.production_combos[name] = combo
        self.production_box.setVisible(bool(self.production_combos))

    # --- editing --------------------------------------------------------------------
    def _kind_toggled(self, _checked=False) -> None:
        if not self._loading:
            self.draft.kind = "programming" if self.programming_radio.isChecked() else "archive"
            self._edited()

    def _edited(self, *_args) -> None:
        if self._loading or self.draft.pending_submit:
            return
        self._collect()

    def _area_changed(self, _check) -> None:
        if self._loading or self.draft.pending_submit:
            return
        geometry = self.area.geometry()
        self.draft.aoi = None if geometry.isEmpty() else geometry_to_geojson(geometry,
                                                                             wind=False)
        self.draft.aoi_source = self.area.source_label.text()
        self._collect()

    def _collect(self) -> None:
        """Widgets -> draft, saved; then the estimate, the state and a quote follow."""
        draft = self.draft
        if draft.pending_submit:  # frozen until DINAMIS answers
            self._update_state()
            return
        draft.kind = "programming" if self.programming_radio.isChecked() else "archive"
        draft.project_id = self.project_combo.currentData() or ""
        if draft.kind == "programming" or not draft.sensor:
            draft.sensor = self.sensor_combo.currentData() or ""
        draft.period_start = self.start_edit.date().toString("yyyy-MM-dd")
        draft.period_end = self.end_edit.date().toString("yyyy-MM-dd")
        draft.mode = self.mode_combo.currentData() or "mono"
        draft.max_cloud_cover = float(self.cloud_spin.value())
        draft.max_incidence = float(self.incidence_spin.value())
        draft.note = self.note_edit.toPlainText()
        draft.item_id = self.item_edit.text().strip() if draft.kind == "archive" else ""
        if self.service.options is not None:  # unknown choices: the draft keeps its own
            draft.production_options = {name: combo.currentData()
                                        for name, combo in self.production_combos.items()}
        self._save()

    def _save(self) -> None:
        self.service.drafts.save(self.draft)
        self._fill_drafts()
        self._update_state()
        self._ask_quote()

    def _ask_quote(self) -> None:
        """DINAMIS's confirmation of the figures, once the area can be sent; otherwise no
        words about a quote stay on show."""
        draft, area = self.draft, self.area
        incomplete = (draft.kind == "programming" and not draft.sensor) or (
            draft.kind == "archive" and not draft.item_id)
        if draft.pending_submit or not area.check.sendable or incomplete \
                or area.tool is not None:
            self.service.cancel_quote()
            if area.tool is None:  # while drawing, the panel says so itself
                area.report("", error=False)
            return
        asking = self.service.logged_in and self.service.available
        area.report(tr("Asking DINAMIS to confirm…") if asking else "", error=False)
        self.service.ask_quote(self.body())  # may answer at once: the same body as before

    def body(self) -> dict:
        check = self.area.check
        return self.draft.body(aoi=check.geojson() if check.sendable else None)

    # --- state ----------------------------------------------------------------------
    def _update_state(self) -> None:
        draft, service = self.draft, self.service
        archive = draft.kind == "archive"
        self.archive_box.setVisible(archive)
        self.programming_box.setVisible(not archive)
        self.sensor_combo.setEnabled(not archive)
        quota = service.quota_for(draft.sensor) if draft.sensor else None
        label = service.options.sensor_label(draft.sensor) if service.options else draft.sensor
        if not service.available:
            no_quota = tr("not published by these services")
        elif not service.logged_in:
            no_quota = tr("log in to see your quota")
        else:
            no_quota = tr("not available for this account")
        self.area.set_pricing(draft.kind, quota, label, no_quota)
        locked = bool(draft.pending_submit) or self.submitting
        for widget in (self.programming_radio, self.archive_radio, self.project_combo,
                       self.sensor_combo, self.archive_box, self.programming_box, self.area,
                       self.production_box, self.note_edit, self.drafts_combo,
                       self.new_draft_button, self.delete_draft_button):
            widget.setEnabled(not locked)
        if not locked:
            self.sensor_combo.setEnabled(not archive and not draft.edits_request)
        if draft.edits_request:  # what a filed request is cannot change, only its details
            for widget in (self.programming_radio, self.archive_radio, self.project_combo):
                widget.setEnabled(False)
        self.new_project_button.setEnabled(service.available and service.logged_in)

        self.web_box.setVisible(not service.available)
        self.submit_button.setVisible(service.available)
        if not service.available:
            self.web_label.setText(tr(
                "The DINAMIS services of \"{profile}\" have no interface for filing requests "
                "from QGIS, so nothing is sent from here. The area, its size and the estimate "
                "are computed here: export the area (GeoJSON, KML or zipped shapefile), open "
                "the DINAMIS web form, and import the file there.").format(
                    profile=settings.shown_name(service.profile.name)))
            self.blocker_label.clear()
            return
        blocker = service.submit_blocker() or self._missing()
        self.blocker_label.setText(blocker)
        self.blocker_label.setVisible(bool(blocker))
        if draft.pending_submit and not self.submitting:
            self.submit_button.setText(tr("Retry filing the request"))
        elif draft.edits_request:
            self.submit_button.setText(tr("Send the changes and submit again"))
        else:
            self.submit_button.setText(tr("Submit the request"))
        self.submit_button.setEnabled(not blocker and not self.submitting)

    def _missing(self) -> str:
        """What the form still lacks before it can be filed ("" when complete)."""
        draft = self.draft
        if draft.pending_submit:
            return ""
        if not draft.project_id:
            return tr("Choose a project (or create one).")
        if draft.kind == "archive" and not draft.item_id:
            return tr("Give the orderable image to order.")
        if draft.kind == "programming" and not draft.sensor:
            return tr("Choose a sensor.")
        check = self.area.check
        if draft.kind == "programming" and not check.sendable:
            errors = check.errors
            return errors[0].message if errors else tr("Draw the area of interest.")
        if draft.kind == "archive" and check.has("empty"):
            return tr("Press Find to read the image from the catalogue: its footprint gives "
                      "the area and the price.")
        if draft.kind == "archive" and check.errors:
            return check.errors[0].message
        if draft.kind == "programming" and draft.period_end < draft.period_start:
            return tr("The acquisition period ends before it starts.")
        if draft.kind == "programming" and draft.period_start < date.today().isoformat():
            return tr("The acquisition period starts in the past ({start}): new images can "
                      "only be acquired from today on.").format(start=draft.period_start)
        return ""

    # --- filing ---------------------------------------------------------------------
    @property
    def submitting(self) -> bool:
        return self._filing is not None

    def submit(self) -> None:
        if self.submitting:
            return
        self._update_state()
        if not self.submit_button.isEnabled():
            return
        draft = self.draft
        if draft.edits_request:
            self._filing = draft
            self.result_label.setText(tr("Sending your changes…"))
            self._update_state()
            check = self.area.check
            self.service.resubmit(draft, draft.changes(check.geojson() if check.sendable
                                                       else None),
                                  lambda request: self._resubmitted(request, draft),
                                  lambda message: self._not_filed(message, draft))
            return
        if draft.pending_submit is None:
            body = self.body()
            # DINAMIS's own quote when it answered for this very body: it is the one that
            # counts (the local figures may rest on a quota read before the last change)
            price = self.service.known_quote(body) or self.area.estimate
            if price.price_eur and not self.confirm(tr(
                    "This request goes beyond your free quota: {paid} km² will be charged, "
                    "{price} € in total. File it?").format(paid=number(price.paid_km2),
                                                          price=number(price.price_eur, 2))):
                return
            estimate = self.area.estimate
            if self.area.check.has("implausible") and not self.confirm(tr(
                    "The area is unusually large ({area} km²). File it anyway?").format(
                        area=number(estimate.area_km2))):
                return
        else:
            body = draft.pending_submit["body"]
        self._filing = draft
        self.result_label.setStyleSheet("")
        self.result_label.setText(tr("Filing the request…"))
        self._update_state()
        self.service.submit(draft, body, lambda result: self._filed(result, draft),
                            lambda message: self._not_filed(message, draft))

    def _answered(self, draft) -> bool:
        """DINAMIS answered about `draft`: True when the form still shows it (the user may
        have switched profile meanwhile; that draft then waits in its own profile)."""
        if self._filing is draft:
            self._filing = None
        if draft is not self.draft:
            self._fill_drafts()
            self._update_state()
            return False
        return True

    def _filed(self, result, draft) -> None:
        if not self._answered(draft):
            return
        request = result.request
        if result.replayed:
            text = tr("Filed as {id}. (The connection had dropped, but DINAMIS had received "
                      "it: it exists once.)")
        else:
            text = tr("Filed as {id}. Follow it in the Requests tab.")
        self.new_draft()
        self.result_label.setStyleSheet("")
        self.result_label.setText(text.format(id=request.id))
        self.filed.emit(request)

    def _resubmitted(self, request, draft) -> None:
        if not self._answered(draft):
            return
        self.new_draft()
        self.result_label.setStyleSheet("")
        self.result_label.setText(tr("{id} was changed and submitted again.").format(
            id=request.id))
        self.filed.emit(request)

    def _not_filed(self, message: str, draft) -> None:
        if not self._answered(draft):
            return
        self.result_label.setStyleSheet(WARNING_STYLE)
        self.result_label.setText(message)
        self._fill_drafts()
        self._update_state()

    def _quote_failed(self, message: str) -> None:
        self.area.report(tr("DINAMIS could not confirm the estimate: {reason}").format(
            reason=message))

    def _ask_confirmation(self, question: str) -> bool:
        answer = QMessageBox.question(self, tr("DINAMIS request"), question)
        return answer == QMessageBox.StandardButton.Yes

    # --- no demand API: the web form ------------------------------------------------
    def open_web_form(self) -> None:
        url = self.service.profile.demands_web_url or DINAMIS.demands_web_url
        self.open_url(url)

    def dispose(self) -> None:
        self.area.dispose()
