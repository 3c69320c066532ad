"""The "DINAMIS requests" dock: my requests, my projects, a new request.

Public hooks for the rest of the plugin (the catalogue dock in particular):
- `request_archive(item)`: start an archive request from an orderable catalogue item,
  a STAC item dict, a pystac Item or an item id (the catalogue's "Request this archive");
- `catalogue_search_requested(SearchParameters)`: emitted when the user asks to see a
  delivered request's images; connect it to the catalogue's search;
- `show_request(request_id)`: open a request's history and thread.
"""
from qgis.gui import QgsDockWidget
from qgis.PyQt.QtCore import pyqtSignal
from qgis.PyQt.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from ..core.i18n import tr
from ..qgis_glue import settings
from .project_form import ProjectForm
from .request_form import RequestForm
from .request_list import RequestList
from .widgets import plain_label

OBJECT_NAME = "DinamisRequestsDock"


class RequestsDock(QgsDockWidget):
    catalogue_search_requested = pyqtSignal(object)  # core SearchParameters

    def __init__(self, service, iface, parent=None):
        super().__init__(tr("DINAMIS requests"), parent)
        self.setObjectName(OBJECT_NAME)
        self.service = service
        body = QWidget()
        layout = QVBoxLayout(body)
        self.header = plain_label("requestsHeader")
        layout.addWidget(self.header)
        self.tabs = QTabWidget()
        self.requests = RequestList(service)
        self.projects = ProjectForm(service)
        self.form = RequestForm(service, iface)
        self.tabs.addTab(self.requests, tr("My requests"))
        self.tabs.addTab(self.projects, tr("Projects"))
        self.tabs.addTab(self.form, tr("New request"))
        layout.addWidget(self.tabs, 1)
        self.setWidget(body)

        self.requests.catalogue_search_requested.connect(self.catalogue_search_requested)
        self.requests.edit_requested.connect(self._edit_request)
        self.form.filed.connect(self._filed)
        self.form.projects_requested.connect(self._new_project)
        self.projects.saved.connect(self._project_saved)
        service.changed.connect(self.update_header)
        self.update_header()

    # --- hooks ----------------------------------------------------------------------
    def request_archive(self, item) -> None:
        """Start an archive request from an orderable catalogue item (dict, pystac Item or id)."""
        self.form.start_archive(item)
        self.tabs.setCurrentWidget(self.form)
        self.show()
        self.raise_()

    def show_request(self, request_id: str) -> None:
        self.tabs.setCurrentWidget(self.requests)
        self.requests.select(request_id)
        self.show()
        self.raise_()

    # --- internals ------------------------------------------------------------------
    def update_header(self) -> None:
        service = self.service
        account = service.account
        if not service.available:
            text = tr("{profile}: no interface for requests from QGIS. Prepare and export the "
                      "area here; file the request in the DINAMIS web form.").format(
                          profile=settings.shown_name(service.profile.name))
        elif account is None:
            text = tr("{profile}: log in (DINAMIS account panel) to file and follow "
                      "requests.").format(profile=settings.shown_name(service.profile.name))
        elif getattr(account, "is_referent", False):
            text = tr("{profile}: your requests and those of {entity} (you are its DINAMIS "
                      "referent).").format(profile=settings.shown_name(service.profile.name),
                                           entity=account.entity or "")
        else:
            text = tr("{profile}: requests of {user}.").format(
                profile=settings.shown_name(service.profile.name), user=account.name or account.username or "")
        self.header.setText(text)

    def _filed(self, request) -> None:
        self.show_request(request.id)

    def _edit_request(self, request) -> None:
        self.form.edit_request(request)
        self.tabs.setCurrentWidget(self.form)

    def _new_project(self) -> None:
        self.tabs.setCurrentWidget(self.projects)
        self.projects.new_project()

    def _project_saved(self, project) -> None:
        if not self.form.draft.project_id and not self.form.draft.pending_submit:
            self.form.draft.project_id = project.id
            self.form.refresh()

    def dispose(self) -> None:
        """Plugin unload: stop the map tools and take the area layer off the map."""
        self.form.dispose()
