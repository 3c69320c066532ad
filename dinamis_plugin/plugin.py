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

        self.menu = QMenu(tr("DINAMIS"), main_window)
        self.menu.setObjectName("DinamisMenu")
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
        self.toolbar.addAction(self.account_action)
        self.toolbar.addAction(self.settings_action)

        from .requests_entry import RequestsEntry
        self.requests = RequestsEntry(self.iface, self.controller, self.menu, self.toolbar)

        self.initProcessing()
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
        for action in (self.account_action, self.settings_action):
            if action is not None:
                action.setParent(None)
                action.deleteLater()
        self.account_action = self.settings_action = None
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
        if visible:
            self.ensure_dock().show()
            self.dock.raise_()
        elif self.dock is not None:
            self.dock.hide()

    def _dock_visibility_changed(self, visible: bool):
        if self.account_action is not None and self.account_action.isChecked() != visible:
            self.account_action.blockSignals(True)
            self.account_action.setChecked(visible)
            self.account_action.blockSignals(False)

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
