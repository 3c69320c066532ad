"""My requests: the list with their status, and one request's history and message thread.

The list is the service's (refreshed in the background, status changes announced by the
plugin). Selecting a request reads its history and messages in a task; the user replies
in the thread, withdraws or submits again, and a delivered request offers its images in
the catalogue (`catalogue_search_requested` carries the core SearchParameters to run).
A referent sees the requests of the whole entity, with an Owner column.
"""
import html

from qgis.PyQt.QtCore import Qt, pyqtSignal
from qgis.PyQt.QtGui import QKeySequence, QTextCursor
from qgis.PyQt.QtWidgets import (QComboBox, QHBoxLayout, QHeaderView, QLabel, QMessageBox,
                                 QPlainTextEdit, QPushButton, QShortcut, QSplitter,
                                 QTextBrowser, QTreeWidget, QTreeWidgetItem, QVBoxLayout,
                                 QWidget)

from ..core.demand_models import (EDITABLE_STATUSES, kind_label, status_explanation,
                                  status_label)
from ..core.i18n import tr
from .area_panel import number
from .widgets import plain_label

# What the requester may do from a status (the server decides; these only show buttons).
WITHDRAWABLE = ("draft", "submitted", "under_instruction", "changes_requested")
DELIVERED = ("delivered", "closed")
COLUMNS = ("id", "status", "kind", "sensor", "area", "owner", "updated")


def rich_label(object_name: str) -> QLabel:
    """A label of our own markup; every server or user word in it goes through _escape."""
    label = plain_label(object_name)
    label.setTextFormat(Qt.TextFormat.RichText)
    return label


def _escape(text) -> str:
    return html.escape(str(text or ""), quote=False)


class RequestList(QWidget):
    """The requests tab."""

    catalogue_search_requested = pyqtSignal(object)  # core SearchParameters
    edit_requested = pyqtSignal(object)  # core DemandRequest to change in the form

    def __init__(self, service, parent=None):
        super().__init__(parent)
        self.service = service
        self.selected_id = None
        self.thread_request = None
        self.messages = []
        self._unsent = {}  # request id -> a reply typed but not sent (kept per request)
        self.confirm = self._ask_confirmation  # replaceable: tests answer for the user
        self._thread_shown = None
        self._thread_reading = None  # the request whose thread is being read
        self._thread_again = False

        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.filter_combo = QComboBox()
        self.filter_combo.addItem(tr("All statuses"), "")
        top.addWidget(self.filter_combo, 1)
        self.refresh_button = QPushButton(tr("Refresh"))
        top.addWidget(self.refresh_button)
        layout.addLayout(top)
        self.state_label = plain_label("requestsState")
        layout.addWidget(self.state_label)

        splitter = QSplitter(Qt.Orientation.Vertical)
        self.tree = QTreeWidget()
        self.tree.setObjectName("requestsTree")
        self.tree.setRootIsDecorated(False)
        self.tree.setHeaderLabels([tr("Request"), tr("Status"), tr("Kind"), tr("Sensor"),
                                   tr("Area (km²)"), tr("Owner"), tr("Updated")])
        self.tree.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        splitter.addWidget(self.tree)

        detail = QWidget()
        detail_layout = QVBoxLayout(detail)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        self.title_label = rich_label("requestTitle")
        self.title_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        detail_layout.addWidget(self.title_label)
        self.status_label = rich_label("requestStatus")
        detail_layout.addWidget(self.status_label)
        self.thread_view = QTextBrowser()
        self.thread_view.setObjectName("threadView")
        self.thread_view.setOpenLinks(False)
        detail_layout.addWidget(self.thread_view, 1)
        self.reply_edit = QPlainTextEdit()
        self.reply_edit.setObjectName("replyEdit")
        self.reply_edit.setPlaceholderText(tr("Write to DINAMIS about this request…"))
        self.reply_edit.setMaximumHeight(70)
        detail_layout.addWidget(self.reply_edit)
        actions = QHBoxLayout()
        self.send_button = QPushButton(tr("Send"))
        self.send_button.setToolTip(tr("Send to DINAMIS (Ctrl+Enter)"))
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self.reply_edit)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(self.send_reply)
        self.catalogue_button = QPushButton(tr("Show the images in the catalogue"))
        self.edit_button = QPushButton(tr("Edit…"))
        self.edit_button.setToolTip(tr("Change it in the New request tab, then submit it "
                                       "again"))
        self.submit_button = QPushButton(tr("Submit again"))
        self.withdraw_button = QPushButton(tr("Withdraw"))
        for button in (self.send_button, self.catalogue_button, self.edit_button,
                       self.submit_button, self.withdraw_button):
            actions.addWidget(button)
        actions.addStretch(1)
        detail_layout.addLayout(actions)
        self.detail_error = plain_label("requestError", error=True)
        detail_layout.addWidget(self.detail_error)
        splitter.addWidget(detail)
        splitter.setStretchFactor(1, 1)
        layout.addWidget(splitter, 1)

        self.refresh_button.clicked.connect(service.refresh)
        self.filter_combo.activated.connect(lambda _i: self.update_list())
        self.tree.currentItemChanged.connect(self._selected)
        self.send_button.clicked.connect(self.send_reply)
        self.catalogue_button.clicked.connect(self.show_in_catalogue)
        self.edit_button.clicked.connect(self._edit)
        self.submit_button.clicked.connect(lambda: self._move("submitted"))
        self.withdraw_button.clicked.connect(lambda: self._move("withdrawn"))
        self.reply_edit.textChanged.connect(self._update_buttons)
        service.changed.connect(self.update_list)
        self.update_list()

    # --- the list -------------------------------------------------------------------
    def update_list(self) -> None:
        service = self.service
        statuses = service.options.statuses if service.options else ()
        if statuses and self.filter_combo.count() == 1:
            for status in statuses:
                self.filter_combo.addItem(status_label(status), status)
        wanted = self.filter_combo.currentData()
        requests = sorted(service.requests, key=lambda r: r.updated_at or r.created_at,
                          reverse=True)
        if wanted:
            requests = [r for r in requests if r.status == wanted]
        account = service.account
        me = getattr(account, "username", None)
        show_owner = bool(getattr(account, "is_referent", False)) or any(
            r.owner and r.owner != me for r in service.requests)
        self.tree.setColumnHidden(COLUMNS.index("owner"), not show_owner)

        if self.selected_id and all(r.id != self.selected_id for r in service.requests):
            self._show_nothing()  # gone: logged out, another profile, another account
        self.tree.blockSignals(True)
        self.tree.clear()
        current = None
        labels = service.options.sensor_label if service.options else (lambda s: s)
        for request in requests:
            item = QTreeWidgetItem([
                request.id, status_label(request.status), kind_label(request.kind),
                labels(request.sensor),
                number(request.area_km2, 1) if request.area_km2 is not None else "",
                request.owner, (request.updated_at or "")[:16].replace("T", " ")])
            item.setData(0, Qt.ItemDataRole.UserRole, request.id)
            item.setToolTip(1, status_explanation(request.status))
            self.tree.addTopLevelItem(item)
            if request.id == self.selected_id:
                current = item
        self.tree.blockSignals(False)
        if current is not None:
            self.tree.setCurrentItem(current)
        self._update_state_line(len(requests))
        self._show_detail()

    def _update_state_line(self, shown: int) -> None:
        service = self.service
        if not service.available:
            text = tr("These DINAMIS services have no interface for requests from QGIS.")
        elif not service.logged_in:
            text = tr("Log in to DINAMIS (account panel) to see your requests.")
        elif service.loading:
            text = tr("Reading your requests…")
        elif service.error:
            text = service.error
        elif not service.requests:
            text = tr("No request yet: prepare one in the New request tab.")
        else:
            text = tr("{count} request(s).").format(count=shown)
        self.state_label.setText(text)

    def select(self, request_id: str) -> None:
        """Show one request (from a message bar announcement, or after filing it)."""
        self._switch_reply(request_id)
        self.selected_id = request_id
        self.filter_combo.setCurrentIndex(0)
        self.update_list()
        self._load_thread()

    def request(self, request_id=None):
        wanted = request_id or self.selected_id
        for request in self.service.requests:
            if request.id == wanted:
                return request
        return None

    def _selected(self, item, _previous=None) -> None:
        request_id = item.data(0, Qt.ItemDataRole.UserRole) if item else None
        if request_id != self.selected_id:
            self._switch_reply(request_id)
            self.selected_id = request_id
            self.thread_request, self.messages = None, []
            self.detail_error.clear()
            self._show_detail()
        self._load_thread()  # the same one again (the list was refreshed): new messages

    def _show_nothing(self) -> None:
        self._switch_reply(None)
        self.selected_id, self.thread_request, self.messages = None, None, []
        self.detail_error.clear()

    def _switch_reply(self, request_id) -> None:
        """Each request keeps the reply typed for it, unsent, while another is shown."""
        if request_id == self.selected_id:
            return
        text = self.reply_edit.toPlainText()
        if self.selected_id and text.strip():
            self._unsent[self.selected_id] = text
        elif self.selected_id:
            self._unsent.pop(self.selected_id, None)
        self.reply_edit.setPlainText(self._unsent.get(request_id, "") if request_id else "")

    # --- one request ----------------------------------------------------------------
    def _load_thread(self) -> None:
        """Read the selected request's history and messages; one reading at a time (the
        list refreshes often: a slow server must not pile readings up), again at the end
        if more was asked meanwhile."""
        request_id = self.selected_id
        if not request_id or not self.service.logged_in:
            return
        if self._thread_reading is not None:
            self._thread_again = True
            return
        self._thread_reading, self._thread_again = request_id, False

        def settled():
            self._thread_reading = None
            if self._thread_again or self.selected_id != request_id:
                self._load_thread()

        def done(result):
            if request_id == self.selected_id:
                self.thread_request, self.messages = result
                self._show_detail()
            settled()

        def failed(message):
            if request_id == self.selected_id:
                self.detail_error.setText(message)
            settled()

        if self.service.load_thread(request_id, done, failed) is None:
            self._thread_reading = None

    def shown_request(self):
        """The selected request as last heard of: from its thread's reading or from the
        list, whichever is newer (the list follows the background poll)."""
        listed = self.request()
        loaded = self.thread_request
        if loaded is None or loaded.id != self.selected_id:
            return listed
        if listed is None or (loaded.updated_at or "") > (listed.updated_at or ""):
            return loaded
        return listed

    def _show_detail(self) -> None:
        request = self.shown_request()
        if request is None:
            self.title_label.setText(tr("Select a request to see its history and messages."))
            self.status_label.clear()
            self._show_thread("")
            self._update_buttons()
            return
        labels = self.service.options.sensor_label if self.service.options else (lambda s: s)
        title = f"<b>{_escape(request.id)}</b><br>{_escape(request.product_type or '')}"
        if request.kind == "archive" and request.item_id:
            title += "<br>" + tr("Image {id}").format(id=_escape(request.item_id))
        if request.kind == "programming" and request.period:
            title += "<br>" + tr("Acquisition from {start} to {end}").format(
                start=request.period.get("start", ""), end=request.period.get("end", ""))
        self.title_label.setText(title)
        quote = request.quote
        status = f"<b>{_escape(status_label(request.status))}</b> — " \
                 f"{_escape(status_explanation(request.status))}"
        if quote is not None:
            status += "<br>" + tr("{area} km² ({sensor}): {free} km² on your free quota, "
                                  "{paid} km² paid, {price} €.").format(
                area=number(quote.area_km2, 1), sensor=_escape(labels(request.sensor)),
                free=number(quote.quota_km2, 1), paid=number(quote.paid_km2, 1),
                price=number(quote.price_eur, 2))
        self.status_label.setText(status)
        self._show_thread(self._thread_html(request))
        self._update_buttons()

    def _show_thread(self, html: str) -> None:
        """The thread, scrolled to its latest entry when it changed (else left where the
        user scrolled it)."""
        if html == self._thread_shown:
            return
        self._thread_shown = html
        self.thread_view.setHtml(html)
        self.thread_view.moveCursor(QTextCursor.MoveOperation.End)
        self.thread_view.ensureCursorVisible()  # lays the text out, so the end is known
        bar = self.thread_view.verticalScrollBar()
        bar.setValue(bar.maximum())

    def _thread_html(self, request) -> str:
        """History and messages, oldest first, in one readable thread."""
        events = [(h.at, "history", h) for h in request.history]
        events += [(m.at, "message", m) for m in self.messages]
        events.sort(key=lambda e: (e[0], e[1] != "history"))
        lines = []
        for at, kind, entry in events:
            when = _escape(at[:16].replace("T", " "))
            if kind == "history":
                text = tr("{who} moved it to “{status}”").format(
                    who=_escape(entry.actor), status=_escape(status_label(entry.to_status)))
                if entry.comment and entry.comment not in ("created", "submitted"):
                    text = tr("{event}: {comment}").format(
                        event=text, comment=f"<i>{_escape(entry.comment)}</i>")
                lines.append(f"<p style='color:#666'>{when} · {text}</p>")
            else:
                who = tr("DINAMIS ({author})") if entry.author_role == "dinamis" else "{author}"
                colour = "#0b5394" if entry.author_role == "dinamis" else "#222"
                lines.append(f"<p style='color:{colour}'><b>{_escape(who.format(author=entry.author))}"
                             f"</b> · {when}<br>{_escape(entry.text).replace(chr(10), '<br>')}</p>")
        if self.service.logged_in and not self.messages and self.thread_request is None:
            lines.append("<p style='color:#666'>" + _escape(tr("Reading the messages…")) + "</p>")
        return "".join(lines)

    def _update_buttons(self) -> None:
        request = self.request()
        me = getattr(self.service.account, "username", None)
        mine = request is not None and request.owner == me
        self.send_button.setEnabled(request is not None
                                    and bool(self.reply_edit.toPlainText().strip()))
        self.reply_edit.setEnabled(request is not None)
        self.catalogue_button.setVisible(request is not None and request.status in DELIVERED)
        self.edit_button.setVisible(mine and request.status in EDITABLE_STATUSES)
        self.submit_button.setVisible(mine and request.status in EDITABLE_STATUSES)
        self.withdraw_button.setVisible(mine and request.status in WITHDRAWABLE)

    # --- actions --------------------------------------------------------------------
    def send_reply(self) -> None:
        request_id, text = self.selected_id, self.reply_edit.toPlainText().strip()
        if not request_id or not text:
            return
        self.send_button.setEnabled(False)

        def done(message):
            self._unsent.pop(request_id, None)
            if request_id == self.selected_id:
                self.reply_edit.clear()
                self.messages = list(self.messages) + [message]
                self._show_detail()

        def failed(error):
            self.detail_error.setText(error)
            self._update_buttons()

        self.service.send_message(request_id, text, done, failed)

    def _move(self, to: str) -> None:
        request_id = self.selected_id
        if to == "withdrawn" and request_id and not self.confirm(tr(
                "Withdraw the request {id}? DINAMIS will not process it any more; this cannot "
                "be undone.").format(id=request_id)):
            return
        if request_id:
            self.detail_error.clear()
            self.service.transition(request_id, to, lambda _r: self._load_thread(),
                                    self.detail_error.setText)

    def _ask_confirmation(self, question: str) -> bool:
        answer = QMessageBox.question(self, tr("DINAMIS request"), question)
        return answer == QMessageBox.StandardButton.Yes

    def _edit(self) -> None:
        request = self.shown_request()
        if request is not None:
            self.edit_requested.emit(request)

    def show_in_catalogue(self) -> None:
        request = self.shown_request()
        if request is not None:
            self.catalogue_search_requested.emit(request.catalogue_search())
