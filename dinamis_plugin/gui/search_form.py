"""The dock's filters, as in the DINAMIS web catalogue: collections (only these / all but
these), product type, dates, maximum cloud cover and incidence angle, free text, order.

The form reads and writes the core's `SearchParameters` (`parameters()`,
`set_parameters()`), so the dock, Processing and the console share one description of a
search. The area of interest is the dock's (it needs the map); `clear_filter(key)` is
how a chip removes one filter. Filters a catalogue cannot apply are disabled with a
hint saying so (`set_capabilities`).
"""
from datetime import date, datetime
from typing import Dict, List, Optional, Tuple

from qgis.gui import QgsCheckableComboBox, QgsDateEdit, QgsFilterLineEdit
from qgis.PyQt.QtCore import QDate, QLocale, Qt, pyqtSignal
from qgis.PyQt.QtWidgets import (QComboBox, QFormLayout, QHBoxLayout, QLabel, QSlider,
                                 QVBoxLayout, QWidget)

from ..core.i18n import tr
from ..core.search_params import CLOUD_COVER, INCIDENCE_ANGLE, SearchParameters

ANY_CLOUD = 100
ANY_INCIDENCE = 60  # Pléiades and SPOT tilt at most about 50 degrees

# Filter keys, shared with the chips.
COLLECTIONS, AVAILABILITY, START, END, CLOUD, INCIDENCE, TEXT, AREA = (
    "collections", "availability", "start", "end", "cloud", "incidence", "text", "area")


def sort_choices() -> List[Tuple[str, str, str]]:
    """(label, sortby, property it needs) in the order offered."""
    return [(tr("Newest first"), "-datetime", "datetime"),
            (tr("Oldest first"), "+datetime", "datetime"),
            (tr("Least cloudy first"), "+eo:cloud_cover", "eo:cloud_cover"),
            (tr("Most vertical first"), "+view:incidence_angle", "view:incidence_angle")]


class SearchForm(QWidget):
    changed = pyqtSignal()
    submitted = pyqtSignal()  # Enter in the text field

    def __init__(self, parent=None):
        super().__init__(parent)
        self._collection_titles: Dict[str, str] = {}
        self._free_text_ok = True
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        form = QFormLayout()
        outer.addLayout(form)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)

        collections_row = QHBoxLayout()
        self.collection_mode = QComboBox()
        self.collection_mode.setObjectName("collectionMode")
        self.collection_mode.addItem(tr("Only"), "include")
        self.collection_mode.addItem(tr("All but"), "exclude")
        self.collections = QgsCheckableComboBox()
        self.collections.setObjectName("collections")
        self.collections.setDefaultText(tr("All collections"))
        self.collections.setToolTip(tr("Collections listed by the catalogue; none checked "
                                       "means all of them"))
        collections_row.addWidget(self.collection_mode)
        collections_row.addWidget(self.collections, 1)
        form.addRow(tr("Collections"), collections_row)

        self.availability = QComboBox()
        self.availability.setObjectName("availability")
        for label, value in ((tr("All images"), "all"),
                             (tr("Downloadable now"), "downloadable"),
                             (tr("To order (archive)"), "orderable")):
            self.availability.addItem(label, value)
        form.addRow(tr("Product type"), self.availability)

        self.start = _date_edit("startDate", tr("any date"))
        self.end = _date_edit("endDate", tr("any date"))
        form.addRow(tr("Acquired from"), self.start)
        form.addRow(tr("until"), self.end)

        self.cloud, self.cloud_label = _slider("maxCloud", ANY_CLOUD, 5)
        form.addRow(tr("Cloud cover"), _pair(self.cloud, self.cloud_label))
        self.incidence, self.incidence_label = _slider("maxIncidence", ANY_INCIDENCE, 5)
        form.addRow(tr("Incidence angle"), _pair(self.incidence, self.incidence_label))

        self.text = QgsFilterLineEdit()
        self.text.setObjectName("freeText")
        self.text.setPlaceholderText(tr("City, department, sensor, keyword…"))
        self.text.setShowSearchIcon(True)
        form.addRow(tr("Text"), self.text)

        self.sort = QComboBox()
        self.sort.setObjectName("sortOrder")
        for label, sortby, _needs in sort_choices():
            self.sort.addItem(label, sortby)
        form.addRow(tr("Order"), self.sort)

        self.hint = QLabel()
        self.hint.setObjectName("capabilityHint")
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: palette(dark); font-style: italic;")
        self.hint.hide()
        outer.addWidget(self.hint)  # outside the form: wrapped text gets its full height

        self._update_labels()
        for signal in (self.collection_mode.currentIndexChanged,
                       self.collections.checkedItemsChanged,
                       self.availability.currentIndexChanged, self.start.dateValueChanged,
                       self.end.dateValueChanged, self.cloud.valueChanged,
                       self.incidence.valueChanged, self.text.textChanged,
                       self.sort.currentIndexChanged):
            signal.connect(self._changed)
        self.text.returnPressed.connect(self.submitted)

    # --- catalogue facts ------------------------------------------------------------
    def set_collections(self, collections: List[Tuple[str, str]]) -> None:
        """(id, title) of every collection the catalogue lists; checks are kept."""
        checked = set(self.collections.checkedItemsData())
        self.collections.blockSignals(True)
        self.collections.clear()
        self._collection_titles = {cid: title or cid for cid, title in collections}
        for cid, title in collections:
            state = Qt.CheckState.Checked if cid in checked else Qt.CheckState.Unchecked
            self.collections.addItemWithCheckState(title or cid, state, cid)
        self.collections.blockSignals(False)

    def collection_title(self, cid: str) -> str:
        return self._collection_titles.get(cid, cid)

    def set_capabilities(self, caps) -> None:
        """Offer only what the catalogue can do (a core CatalogueCapabilities), and say
        under the form what is off and why. Product type always works: the catalogue
        applies it by collection or image by image when it cannot filter on it."""
        hints = []
        self._free_text_ok = caps.free_text
        self._sync_text_field()
        if not caps.free_text:
            hints.append(tr("This catalogue offers no free-text search: the text filter is "
                            "off."))
        usable_sorts = 0
        for row, (_label, _sortby, needs) in enumerate(sort_choices()):
            usable = caps.can_sort_on(needs)
            usable_sorts += usable
            self.sort.model().item(row).setEnabled(usable)
            if not usable and self.sort.currentIndex() == row:
                self.sort.setCurrentIndex(0)
        self.sort.setEnabled(bool(usable_sorts))
        if not usable_sorts:
            hints.append(tr("This catalogue cannot sort results: they come in its own "
                            "order."))
        for slider, prop, off in (
                (self.cloud, CLOUD_COVER,
                 tr("This catalogue cannot filter on cloud cover: that filter is off.")),
                (self.incidence, INCIDENCE_ANGLE,
                 tr("This catalogue cannot filter on the incidence angle: that filter is "
                    "off."))):
            usable = caps.can_filter_on(prop)
            slider.setEnabled(usable)
            if not usable:
                slider.setValue(slider.maximum())
                hints.append(off)
        self.hint.setText(" ".join(hints))
        self.hint.setVisible(bool(hints))

    # --- parameters -----------------------------------------------------------------
    def parameters(self) -> SearchParameters:
        """The filters as SearchParameters (no area: the dock adds it)."""
        checked = list(self.collections.checkedItemsData())
        exclude = self.collection_mode.currentData() == "exclude"
        cloud = self.cloud.value()
        incidence = self.incidence.value()
        return SearchParameters(
            collections=[] if exclude else checked,
            exclude_collections=checked if exclude else [],
            availability=self.availability.currentData(),
            start=_date_value(self.start), end=_date_value(self.end),
            max_cloud_cover=None if cloud >= ANY_CLOUD or not self.cloud.isEnabled()
            else float(cloud),
            max_incidence_angle=None if incidence >= ANY_INCIDENCE
            or not self.incidence.isEnabled() else float(incidence),
            text=self.text.text(),  # even where unsupported: the search then says so
            sortby=self.sort.currentData() if self.sort.isEnabled() else None)

    def set_parameters(self, params: SearchParameters) -> None:
        """Show `params` in the form (a restored or console-made search)."""
        self.blockSignals(True)
        try:
            exclude = bool(params.exclude_collections)
            self.collection_mode.setCurrentIndex(1 if exclude else 0)
            wanted = set(params.exclude_collections if exclude else params.collections)
            for index in range(self.collections.count()):
                cid = self.collections.itemData(index)
                self.collections.setItemCheckState(
                    index, Qt.CheckState.Checked if cid in wanted else Qt.CheckState.Unchecked)
            missing = wanted - {self.collections.itemData(i)
                                for i in range(self.collections.count())}
            for cid in sorted(missing):  # not listed (yet): keep it rather than lose it
                self.collections.addItemWithCheckState(cid, Qt.CheckState.Checked, cid)
            self._select_data(self.availability, params.availability or "all")
            _set_date(self.start, params.start)
            _set_date(self.end, params.end)
            self.cloud.setValue(ANY_CLOUD if params.max_cloud_cover is None
                                else int(round(params.max_cloud_cover)))
            self.incidence.setValue(ANY_INCIDENCE if params.max_incidence_angle is None
                                    else int(round(params.max_incidence_angle)))
            self.text.setText(params.text or "")
            if params.sortby:
                sortby = str(params.sortby)
                if not sortby.startswith(("+", "-")):
                    sortby = "+" + sortby
                self._select_data(self.sort, sortby)
        finally:
            self.blockSignals(False)
        self._update_labels()
        self.changed.emit()

    def clear_filter(self, key: str) -> None:
        """What removing a chip does (`key` may be "collections:<id>")."""
        if key.startswith(COLLECTIONS + ":"):
            cid = key.split(":", 1)[1]
            for index in range(self.collections.count()):
                if self.collections.itemData(index) == cid:
                    self.collections.setItemCheckState(index, Qt.CheckState.Unchecked)
        elif key == AVAILABILITY:
            self.availability.setCurrentIndex(0)
        elif key == START:
            self.start.clear()
        elif key == END:
            self.end.clear()
        elif key == CLOUD:
            self.cloud.setValue(ANY_CLOUD)
        elif key == INCIDENCE:
            self.incidence.setValue(ANY_INCIDENCE)
        elif key == TEXT:
            self.text.clear()

    def reset(self) -> None:
        self.set_parameters(SearchParameters())
        self.sort.setCurrentIndex(0)

    def set_period(self, start: Optional[date], end: Optional[date]) -> None:
        _set_date(self.start, start)
        _set_date(self.end, end)

    def chips(self, params: SearchParameters) -> List[Tuple[str, str]]:
        """(key, text) for each active filter of `params` (the area is the dock's)."""
        chips = []
        for cid in params.collections:
            chips.append((f"{COLLECTIONS}:{cid}", self.collection_title(cid)))
        for cid in params.exclude_collections:
            chips.append((f"{COLLECTIONS}:{cid}", tr("not {collection}").format(
                collection=self.collection_title(cid))))
        if params.availability == "downloadable":
            chips.append((AVAILABILITY, tr("Downloadable")))
        elif params.availability == "orderable":
            chips.append((AVAILABILITY, tr("To order")))
        if params.start:
            chips.append((START, tr("from {date}").format(date=_date_label(params.start))))
        if params.end:
            chips.append((END, tr("until {date}").format(date=_date_label(params.end))))
        if params.max_cloud_cover is not None:
            chips.append((CLOUD, tr("clouds ≤ {value} %").format(
                value=_number(params.max_cloud_cover))))
        if params.max_incidence_angle is not None:
            chips.append((INCIDENCE, tr("angle ≤ {value}°").format(
                value=_number(params.max_incidence_angle))))
        if params.text:
            chips.append((TEXT, f"“{params.text}”"))
        return chips

    # --- internals ------------------------------------------------------------------
    def _sync_text_field(self) -> None:
        """Free text is off where the catalogue lacks it, but text already there (from a
        saved search) stays visible and editable until removed: never silently dropped."""
        self.text.setEnabled(self._free_text_ok or bool(self.text.text()))

    def _changed(self, *_args) -> None:
        self._sync_text_field()
        self._update_labels()
        if not self.signalsBlocked():
            self.changed.emit()

    def _update_labels(self) -> None:
        cloud, incidence = self.cloud.value(), self.incidence.value()
        self.cloud_label.setText(tr("any") if cloud >= ANY_CLOUD
                                 else tr("≤ {value} %").format(value=cloud))
        self.incidence_label.setText(tr("any") if incidence >= ANY_INCIDENCE
                                     else tr("≤ {value}°").format(value=incidence))

    @staticmethod
    def _select_data(combo: QComboBox, value) -> None:
        index = combo.findData(value)
        if index >= 0:
            combo.setCurrentIndex(index)


def _date_edit(name: str, null_text: str) -> QgsDateEdit:
    edit = QgsDateEdit()
    edit.setObjectName(name)
    edit.setAllowNull(True)
    edit.setNullRepresentation(null_text)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")  # short and unambiguous in every language
    edit.clear()
    return edit


def _slider(name: str, maximum: int, step: int):
    slider = QSlider(Qt.Orientation.Horizontal)
    slider.setObjectName(name)
    slider.setRange(0, maximum)
    slider.setSingleStep(1)
    slider.setPageStep(step)
    slider.setValue(maximum)
    label = QLabel()
    label.setObjectName(name + "Label")
    label.setMinimumWidth(label.fontMetrics().horizontalAdvance("≤ 100 %") + 4)
    return slider, label


def _pair(left: QWidget, right: QWidget) -> QHBoxLayout:
    row = QHBoxLayout()
    row.addWidget(left, 1)
    row.addWidget(right)
    return row


def _date_value(edit: QgsDateEdit) -> Optional[date]:
    if edit.isNull():
        return None
    value = edit.date()
    return value.toPyDate() if value.isValid() else None


def as_date(value) -> Optional[date]:
    """A date from a date, a datetime or an ISO text (None for anything else)."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


def _set_date(edit: QgsDateEdit, value) -> None:
    value = as_date(value)
    if value is None:
        edit.clear()
    else:
        edit.setDate(QDate(value.year, value.month, value.day))


def _date_label(value) -> str:
    found = as_date(value)
    return found.isoformat() if found is not None else str(value)[:10]


def _number(value) -> str:
    return QLocale().toString(float(value), "f", 0 if float(value).is_integer() else 1)
