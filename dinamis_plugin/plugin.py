"""The plugin QGIS loads: menu, toolbar, account dock, Processing provider, translator.

initGui stays cheap (QGIS start-up pays for it): no requests, keyring, pystac or widget
module is imported until the user opens something or the delayed login restore runs.
unload() removes every trace so that the plugin can be reloaded in the same QGIS.
"""
from pathlib import Path

from qgis.core import Qgis, QgsApplication
from qgis.PyQt.QtCore import Qt, QTimer
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import QAction, QMenu

from .core.i18n import tr
from .qgis_glue.plugin_session import ConsoleHost, SessionController, default_secret_store
from .qgis_glue.translator import PluginTranslator

PLUGIN_DIR = Path(__file__).absolute().parent  # not resolve(): build/dinamis links files
RESTORE_DELAY_MS = 2000  # resume a stored login once QGIS has finished starting


def _let_qgis_forget_every_module():
    """QGIS's unloader forgets only the modules its import hook recorded, which misses
    submodules imported by relative `__import__` or only as parents (the vendored
    libraries): left in sys.modules, they would mix with fresh ones when QGIS loads the
    plugin again (upgrade, reload) and break pystac's imports. Record them all."""
    import sys
    import qgis.utils
    recorded = getattr(qgis.utils, "_plugin_modules", {}).get(__package__)
    if recorded is not None:
        recorded.update(m for m in list(sys.modules) if m.startswith(__package__ + "."))


def _show_or_hide(visible: bool, ensure, dock) -> None:
    """Show a dock (made by `ensure` the first time) in front, or hide it if it exists."""
    if visible:
        shown = ensure()
        shown.show()
        shown.raise_()
    elif dock is not None:
        dock.hide()


def _check_quietly(action, checked: bool) -> None:
    """A dock's toggle action follows the dock (closed by its cross, say) without
    toggling the dock again."""
    if action is not None and action.isChecked() != checked:
        action.blockSignals(True)
        action.setChecked(checked)
        action.blockSignals(False)


def _icon(name: str) -> QIcon:
    return QIcon(str(PLUGIN_DIR / "resources" / name))


class DinamisPlugin:
    """QGIS plugin entry object (created by dinamis.classFactory)."""

    secret_store_factory = staticmethod(default_secret_store)

    def __init__(self, iface):
        self.iface = iface
        self.translator = PluginTranslator(PLUGIN_DIR)
        self._translated = False
        self.controller = None
        self.menu = None
        self.toolbar = None
        self.account_action = None
        self.settings_action = None
        self.dock = None
        self.catalogue_action = None
        self.catalogue_dock = None
        self.download_dialog = None
        self.browser_provider = None
        self.provider = None
        self.restore_timer = None
        self.requests = None  # requests_entry.RequestsEntry: requests for new imagery
        self.console = None
        self.keeper = None
        self.waiting_message = None

    # --- QGIS plugin interface -------------------------------------------------------
    def initGui(self):  # noqa: N802 - QGIS's name
        self._install_translator()
        main_window = self.iface.mainWindow()
        self.controller = SessionController(self.secret_store_factory)
        self.controller.failed.connect(self._show_failure)
        self.controller.device_login_started.connect(self._show_device_login)
        self.console = ConsoleHost(self.controller)
        self.console.attach()  # `import dinamis` in the Python console follows the plugin

        self.account_action = QAction(_icon("account.svg"), tr("DINAMIS account"), main_window)
        self.account_action.setObjectName("DinamisAccountAction")
        self.account_action.setCheckable(True)
        self.account_action.setToolTip(tr("Show or hide the DINAMIS account panel"))
        self.account_action.toggled.connect(self.set_dock_visible)
        self.settings_action = QAction(_icon("settings.svg"), tr("DINAMIS settings…"),
                                       main_window)
        self.settings_action.setObjectName("DinamisSettingsAction")
        self.settings_action.triggered.connect(self.open_settings)
        self.catalogue_action = QAction(_icon("catalogue.svg"), tr("DINAMIS catalogue"),
                                        main_window)
        self.catalogue_action.setObjectName("DinamisCatalogueAction")
        self.catalogue_action.setCheckable(True)
        self.catalogue_action.setToolTip(tr("Search the DINAMIS catalogue: footprints, "
                                            "quicklooks, timeline"))
        self.catalogue_action.toggled.connect(self.set_catalogue_dock_visible)

        self.menu = QMenu(tr("DINAMIS"), main_window)
        self.menu.setObjectName("DinamisMenu")
        self.menu.addAction(self.catalogue_action)
        self.menu.addAction(self.account_action)
        self.menu.addAction(self.settings_action)
        menu_bar = main_window.menuBar()
        existing = menu_bar.actions()
        if existing:  # before the last menu (Help) as QGIS's own plugins do
            menu_bar.insertMenu(existing[-1], self.menu)
        else:
            menu_bar.addMenu(self.menu)

        self.toolbar = self.iface.addToolBar(tr("DINAMIS"))
        self.toolbar.setObjectName("DinamisToolbar")
        self.toolbar.addAction(self.catalogue_action)
        self.toolbar.addAction(self.account_action)
        self.toolbar.addAction(self.settings_action)

        from .requests_entry import RequestsEntry
        self.requests = RequestsEntry(self.iface, self.controller, self.menu, self.toolbar)
        self.requests.catalogue_handler = self.search_in_catalogue  # delivered images

        self.initProcessing()
        self._register_browser()
        self._keep_streamed_layers_signed()

        self.restore_timer = QTimer()
        self.restore_timer.setSingleShot(True)
        self.restore_timer.timeout.connect(self.controller.restore)
        self.restore_timer.timeout.connect(self._update_waiting_message)
        self.restore_timer.start(RESTORE_DELAY_MS)

    def unload(self):
        if self.restore_timer is not None:
            self.restore_timer.stop()
            self.restore_timer.timeout.disconnect()
            self.restore_timer = None
        if self.requests is not None:
            self.requests.unload()
            self.requests = None
        if self.console is not None:
            self.console.detach()
            self.console.deleteLater()
            self.console = None
        self._stop_keeping_layers_signed()
        if self.controller is not None:
            self.controller.failed.disconnect(self._show_failure)
            self.controller.device_login_started.disconnect(self._show_device_login)
            self.controller.shutdown()
        if self.catalogue_dock is not None:
            self.catalogue_dock.dispose()
            self.catalogue_dock.visibilityChanged.disconnect(self._catalogue_visibility_changed)
            self.iface.removeDockWidget(self.catalogue_dock)
            self.catalogue_dock.setParent(None)
            self.catalogue_dock.deleteLater()
            self.catalogue_dock = None
        self._unregister_browser()
        if self.dock is not None:
            self.dock.dispose()
            self.dock.visibilityChanged.disconnect(self._dock_visibility_changed)
            self.iface.removeDockWidget(self.dock)
            self.dock.setParent(None)
            self.dock.deleteLater()
            self.dock = None
        self._unregister_provider()
        if self.toolbar is not None:
            self.iface.mainWindow().removeToolBar(self.toolbar)
            self.toolbar.setParent(None)
            self.toolbar.deleteLater()
            self.toolbar = None
        if self.menu is not None:
            self.iface.mainWindow().menuBar().removeAction(self.menu.menuAction())
            self.menu.setParent(None)
            self.menu.deleteLater()
            self.menu = None
        for action in (self.account_action, self.settings_action, self.catalogue_action):
            if action is not None:
                action.setParent(None)
                action.deleteLater()
        self.account_action = self.settings_action = self.catalogue_action = None
        if self.controller is not None:
            self.controller.deleteLater()
            self.controller = None
        self.translator.remove()
        self._translated = False
        _let_qgis_forget_every_module()

    def _install_translator(self):
        """Once: initGui and initProcessing (alone under qgis_process) both need it."""
        if not self._translated:
            self.translator.install()
            self._translated = True

    # --- Processing --------------------------------------------------------------------
    def initProcessing(self):  # noqa: N802 - QGIS's name
        """The provider alone: qgis_process (no iface, no initGui) calls only this."""
        if self.provider is not None:
            return
        self._install_translator()
        from .processing_provider.provider import DinamisProvider
        self.provider = DinamisProvider()
        QgsApplication.processingRegistry().addProvider(self.provider)

    def _unregister_provider(self):
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None

    # --- catalogue dock and Browser ------------------------------------------------------
    def ensure_catalogue_dock(self):
        """The catalogue dock, created the first time it is shown."""
        if self.catalogue_dock is None:
            from .gui.catalogue_dock import CatalogueDock
            self.catalogue_dock = CatalogueDock(self.iface, self.controller,
                                                self.iface.mainWindow())
            self.catalogue_dock.visibilityChanged.connect(self._catalogue_visibility_changed)
            self.iface.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea,
                                     self.catalogue_dock)
            if self.browser_provider is not None:
                self.browser_provider.follow(self.catalogue_dock)
            if self.requests is not None:  # "Request this archive": the request form
                self.catalogue_dock.archive_requested.connect(self.requests.request_archive)
            self.catalogue_dock.result_actions.add_to_map_handler = self.stream_items
            self.catalogue_dock.result_actions.download_handler = self.download_items
        return self.catalogue_dock

    def download_items(self, items):
        """The results' Download: the Processing download dialog on these images (verified,
        resumable, its progress and report), adding the files to the map when done."""
        import processing
        ids = "\n".join(str(item.get("id")) for item in items)
        self.download_dialog = processing.createAlgorithmDialog(
            "dinamis:downloadimages", {"IDS": ids, "LOAD": True})
        if self.download_dialog is not None:
            self.download_dialog.show()

    def stream_items(self, items, assets=None, mosaic: bool = False):
        """Stream images' data assets into the map (signed now, re-signed before expiry,
        saved unsigned: stream_layers and the SignedLayerKeeper), or one mosaic per asset.
        What cannot be added is said in the message bar."""
        if not self.controller.can_sign():
            from .core.errors import LoginRequired
            self._show_failure(str(LoginRequired()))
            return
        from .qgis_glue.stream_layers import add_items_to_map

        def done(result):
            for problem in result.problems:
                self._show_failure(problem)

        add_items_to_map(items, self.controller.signer(), assets=assets, mosaic=mosaic,
                         on_done=done, on_error=self._show_failure)

    def search_in_catalogue(self, params):
        """Show the catalogue dock running `params` (a core SearchParameters), e.g. the
        images a delivered request produced."""
        self.set_catalogue_dock_visible(True)
        self.catalogue_dock.search_with(params)

    def set_catalogue_dock_visible(self, visible: bool):
        _show_or_hide(visible, self.ensure_catalogue_dock, self.catalogue_dock)

    def _catalogue_visibility_changed(self, visible: bool):
        _check_quietly(self.catalogue_action, visible)

    def add_browser_assets(self, item: dict, asset_keys=None):
        """A Browser item or asset dropped on the map (or double-clicked): quicklooks are
        placed on their footprint; data assets are streamed as the dock streams them."""
        assets = item.get("assets") or {}
        keys = list(asset_keys or assets)
        quicklooks = [k for k in keys if {"thumbnail", "overview"}
                      & set(assets.get(k, {}).get("roles") or [])]
        data = [k for k in keys if k not in quicklooks]
        if asset_keys is None and data:  # a whole image: its data, not its quicklook
            quicklooks = []
        if quicklooks:
            from .qgis_glue.quicklook_layer import add_quicklooks
            add_quicklooks([item], self.controller.runner, on_error=self._show_failure)
        if data:
            self.stream_items([item], assets=data)

    def _register_browser(self):
        from .qgis_glue.browser import register_browser_provider
        self.browser_provider = register_browser_provider(self)

    def _unregister_browser(self):
        if self.browser_provider is not None:
            from .qgis_glue.browser import unregister_browser_provider
            unregister_browser_provider(self.browser_provider)
            self.browser_provider = None

    # --- streamed layers ---------------------------------------------------------------
    def _keep_streamed_layers_signed(self):
        """Streamed layers re-signed before expiry and never saved signed (signed_layers)."""
        from .qgis_glue.signed_layers import SignedLayerKeeper
        self.keeper = SignedLayerKeeper(self.controller)
        self.keeper.failed.connect(self._show_failure)
        self.keeper.waiting.connect(self._update_waiting_message)
        self.controller.changed.connect(self._update_waiting_message)
        self.keeper.install()
        self.keeper.watch_canvas(self.iface.mapCanvas())

    def _stop_keeping_layers_signed(self):
        if self.keeper is None:
            return
        from .qgis_glue import gdal_streaming, stream_layers
        self.controller.changed.disconnect(self._update_waiting_message)
        self.keeper.uninstall()
        self.keeper.deleteLater()
        self.keeper = None
        stream_layers.cancel_all()
        gdal_streaming.reset()
        self._clear_waiting_message()

    def _update_waiting_message(self, *_args):
        """While streamed layers wait for a login, say so (not during the start-up restore)."""
        from .qgis_glue.plugin_session import LOGGED_OUT
        count = len(self.keeper.waiting_layers()) if self.keeper is not None else 0
        restoring = self.restore_timer is not None and self.restore_timer.isActive()
        if not count or self.controller.state != LOGGED_OUT or restoring:
            self._clear_waiting_message()
            return
        if self.waiting_message is not None and self.waiting_message.property("count") != count:
            self._clear_waiting_message()
        if self.waiting_message is None:
            self.waiting_message = self.iface.messageBar().createMessage(
                tr("DINAMIS"), tr("{count} DINAMIS image(s) of this project wait for your "
                                  "login: log in from the DINAMIS account panel and they "
                                  "will appear.").format(count=count))
            self.waiting_message.setProperty("count", count)
            self.iface.messageBar().pushWidget(self.waiting_message, Qgis.MessageLevel.Info)

    def _clear_waiting_message(self):
        if self.waiting_message is not None:
            try:
                self.iface.messageBar().popWidget(self.waiting_message)
            except RuntimeError:  # closed by the user: already deleted
                pass
            self.waiting_message = None

    # --- dock and dialogs --------------------------------------------------------------
    def ensure_dock(self):
        """The account dock, created the first time it is shown."""
        if self.dock is None:
            from .gui.account_panel import AccountPanel
            self.dock = AccountPanel(self.controller, self.iface.mainWindow())
            self.dock.settings_requested.connect(self.open_settings)
            self.dock.visibilityChanged.connect(self._dock_visibility_changed)
            self.iface.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        return self.dock

    def set_dock_visible(self, visible: bool):
        _show_or_hide(visible, self.ensure_dock, self.dock)

    def _dock_visibility_changed(self, visible: bool):
        _check_quietly(self.account_action, visible)

    def _show_device_login(self):
        """A login started (from the panel or the console): its dialog, over the panel."""
        self.set_dock_visible(True)
        self.dock.show_device_dialog()

    def open_settings(self):
        from .gui.settings_dialog import SettingsDialog
        dialog = SettingsDialog(self.iface.mainWindow())
        if dialog.exec():
            self.controller.reload_profile()
            self.controller.forget_profiles(dialog.forgotten_logins())
            if self.dock is not None:
                self.dock.reload_profiles()

    def _show_failure(self, message: str):
        # The message bar renders rich text: server words like "R&D" or "<" stay as typed.
        from html import escape
        self.iface.messageBar().pushMessage(tr("DINAMIS"), escape(message, quote=False),
                                            Qgis.MessageLevel.Warning, 10)
