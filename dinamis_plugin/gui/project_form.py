"""My projects: every request belongs to one. List, create, edit.

A scientific project also states its objectives, methodology, expected results and
prior publications (required for scientific accounts, as DINAMIS requires them). The
form checks what it can before sending; the server's refusal, naming the field, is shown
otherwise. Only its owner edits a project (a referent reads the entity's).
"""
from qgis.PyQt.QtCore import QDate, Qt, pyqtSignal
from qgis.PyQt.QtWidgets import (QDateEdit, QFormLayout, QHBoxLayout, QLineEdit,
                                 QListWidget, QListWidgetItem, QMessageBox, QPlainTextEdit,
                                 QPushButton, QSplitter, QVBoxLayout, QWidget)

from ..core.demand_models import SCIENCE_FIELDS
from ..core.i18n import tr
from .widgets import VerticalScrollArea, plain_label

SCIENCE_CATEGORIES = ("scientific", "foreign_scientific")


class ProjectForm(QWidget):
    """The projects tab: a list and the form of the selected (or a new) project."""

    saved = pyqtSignal(object)  # core Project

    def __init__(self, service, parent=None):
        super().__init__(parent)
        self.service = service
        self.project = None  # the project shown, None for a new one
        self._shown = None  # the fields as shown, to tell the user's unsaved changes
        self.confirm = self._ask_confirmation  # replaceable: tests answer for the user

        layout = QVBoxLayout(self)
        splitter = QSplitter(Qt.Orientation.Vertical)
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        self.list = QListWidget()
        self.list.setObjectName("projectsList")
        top_layout.addWidget(self.list)
        self.new_button = QPushButton(tr("New project"))
        top_layout.addWidget(self.new_button)
        splitter.addWidget(top)

        body = QWidget()
        form = QFormLayout(body)
        self.heading = plain_label("projectHeading")
        form.addRow(self.heading)
        self.title_edit = QLineEdit()
        self.title_edit.setObjectName("projectTitle")
        form.addRow(tr("Title"), self.title_edit)
        self.themes_edit = QLineEdit()
        self.themes_edit.setPlaceholderText(tr("agriculture, forest, coast…"))
        form.addRow(tr("Themes"), self.themes_edit)
        dates = QHBoxLayout()
        self.start_edit = QDateEdit()
        self.end_edit = QDateEdit()
        for edit in (self.start_edit, self.end_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            dates.addWidget(edit)
        form.addRow(tr("Start and end"), dates)
        self.description_edit = self._text_edit("projectDescription")
        form.addRow(tr("Description"), self.description_edit)
        self.science_label = plain_label("scienceLabel")
        form.addRow(self.science_label)
        self.science_edits = {}
        for name, label in (("objectives", tr("Objectives")),
                            ("methodology", tr("Methodology")),
                            ("expected_results", tr("Expected results"))):
            edit = self._text_edit(f"project_{name}")
            self.science_edits[name] = edit
            form.addRow(label, edit)
        self.publications_edit = self._text_edit("projectPublications")
        self.publications_edit.setPlaceholderText(tr("One publication per line"))
        form.addRow(tr("Prior publications"), self.publications_edit)
        self.error_label = plain_label("projectError", error=True)
        form.addRow(self.error_label)
        self.save_button = QPushButton(tr("Create the project"))
        self.save_button.setObjectName("saveProjectButton")
        form.addRow(self.save_button)
        splitter.addWidget(VerticalScrollArea(body))
        splitter.setStretchFactor(1, 1)
        layout.addWidget(splitter)

        self.list.currentItemChanged.connect(self._selected)
        self.new_button.clicked.connect(self.new_project)
        self.save_button.clicked.connect(self.save)
        service.changed.connect(self.update_list)
        self.new_project()
        self.update_list()

    @staticmethod
    def _text_edit(name) -> QPlainTextEdit:
        edit = QPlainTextEdit()
        edit.setObjectName(name)
        edit.setMaximumHeight(64)
        return edit

    def _science(self) -> bool:
        return getattr(self.service.account, "category", None) in SCIENCE_CATEGORIES

    # --- list -----------------------------------------------------------------------
    def update_list(self) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        for project in sorted(self.service.projects, key=lambda p: p.id, reverse=True):
            item = QListWidgetItem(project.display_name())
            item.setData(Qt.ItemDataRole.UserRole, project.id)
            self.list.addItem(item)
            if self.project is not None and project.id == self.project.id:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)
        usable = self.service.available and self.service.logged_in
        self.new_button.setEnabled(usable)
        self._update_editable()

    def _selected(self, item, _previous=None) -> None:
        project_id = item.data(Qt.ItemDataRole.UserRole) if item else None
        project = next((p for p in self.service.projects if p.id == project_id), None)
        if project is None or (self.project is not None and project.id == self.project.id):
            return
        if not self.may_leave():  # back to the project being edited
            self.update_list()
            return
        self.show_project(project)

    def has_changes(self) -> bool:
        """The user typed something not saved yet."""
        return self._shown is not None and self.fields() != self._shown

    def may_leave(self) -> bool:
        """True when nothing typed would be lost, or the user agrees to drop it."""
        return not self.has_changes() or self.confirm(tr(
            "The project form has changes that are not saved. Discard them?"))

    def _ask_confirmation(self, question: str) -> bool:
        answer = QMessageBox.question(self, tr("DINAMIS project"), question)
        return answer == QMessageBox.StandardButton.Yes

    # --- form -----------------------------------------------------------------------
    def new_project(self) -> None:
        """An empty form for a new project (unsaved changes are asked about first)."""
        if not self.may_leave():
            return
        self.project = None
        self.list.blockSignals(True)
        self.list.setCurrentRow(-1)  # no current project: a click on any one shows it
        self.list.blockSignals(False)
        self.heading.setText(tr("New project"))
        today = QDate.currentDate()
        for edit in (self.title_edit, self.themes_edit):
            edit.clear()
        for edit in (self.description_edit, self.publications_edit,
                     *self.science_edits.values()):
            edit.clear()
        self.start_edit.setDate(today)
        self.end_edit.setDate(today.addYears(2))
        self.error_label.clear()
        self.save_button.setText(tr("Create the project"))
        self._update_editable()
        self._shown = self.fields()

    def show_project(self, project) -> None:
        self.project = project
        self.heading.setText(tr("{id} (owner {owner})").format(id=project.id,
                                                               owner=project.owner))
        self.title_edit.setText(project.title)
        self.themes_edit.setText(", ".join(project.themes))
        self.start_edit.setDate(QDate.fromString(project.start_date, "yyyy-MM-dd"))
        self.end_edit.setDate(QDate.fromString(project.end_date, "yyyy-MM-dd"))
        self.description_edit.setPlainText(project.description)
        for name, edit in self.science_edits.items():
            edit.setPlainText(getattr(project, name))
        self.publications_edit.setPlainText("\n".join(project.prior_publications))
        self.error_label.clear()
        self.save_button.setText(tr("Save the changes"))
        self._update_editable()
        self._shown = self.fields()

    def _update_editable(self) -> None:
        me = getattr(self.service.account, "username", None)
        editable = (self.service.available and self.service.logged_in
                    and (self.project is None or self.project.owner == me))
        for widget in (self.title_edit, self.themes_edit, self.start_edit, self.end_edit,
                       self.description_edit, self.publications_edit,
                       *self.science_edits.values()):
            widget.setEnabled(editable)
        self.save_button.setEnabled(editable)
        self.science_label.setText(tr("Required for scientific projects:") if self._science()
                                   else tr("For scientific projects:"))

    def fields(self) -> dict:
        fields = {
            "title": self.title_edit.text().strip(),
            "themes": [t.strip() for t in self.themes_edit.text().split(",") if t.strip()],
            "start_date": self.start_edit.date().toString("yyyy-MM-dd"),
            "end_date": self.end_edit.date().toString("yyyy-MM-dd"),
            "description": self.description_edit.toPlainText().strip(),
            "prior_publications": [line.strip() for line in
                                   self.publications_edit.toPlainText().splitlines()
                                   if line.strip()],
        }
        for name, edit in self.science_edits.items():
            text = edit.toPlainText().strip()
            if text:
                fields[name] = text
        return fields

    def problems(self, fields: dict) -> list:
        problems = []
        if not fields["title"]:
            problems.append(tr("Give the project a title."))
        if not fields["description"]:
            problems.append(tr("Describe the project."))
        if fields["end_date"] < fields["start_date"]:
            problems.append(tr("The project ends before it starts."))
        if self._science():
            missing = [name for name in SCIENCE_FIELDS if not fields.get(name)]
            if missing:
                problems.append(tr("A scientific project states its objectives, methodology "
                                   "and expected results."))
        return problems

    def save(self) -> None:
        fields = self.fields()
        problems = self.problems(fields)
        if problems:
            self.error_label.setText("\n".join(problems))
            return
        self.error_label.clear()
        self.save_button.setEnabled(False)

        def done(project):
            self.show_project(project)
            self.update_list()
            self.saved.emit(project)

        def failed(message):
            self.error_label.setText(message)
            self._update_editable()

        self.service.save_project(self.project.id if self.project else None, fields, done,
                                  failed)
