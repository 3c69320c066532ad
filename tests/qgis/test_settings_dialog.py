"""Settings dialog: built-in and user profiles, inline validation, the three QSettings keys."""
import json
from pathlib import Path

from qgis.core import QgsSettings

from dinamis.qgis_glue import settings

SCREENSHOTS = Path(__file__).resolve().parents[2] / "build" / "test-screenshots"  # looked at, not committed


def make_dialog(qgis_iface):
    from dinamis.gui.settings_dialog import SettingsDialog
    dialog = SettingsDialog(qgis_iface.mainWindow())
    dialog.show()
    return dialog


def type_profile(dialog, **values):
    for name, value in values.items():
        dialog.editor.inputs[name].setText(value)


def listed_names(dialog):
    return [dialog.profile_list.item(i).text() for i in range(dialog.profile_list.count())]


def test_defaults_list_builtins(isolated_settings, qgis_iface):
    dialog = make_dialog(qgis_iface)
    assert listed_names(dialog) == ["DINAMIS (built-in)", "Local reference server (built-in)"]
    assert dialog.active_combo.currentText() == "DINAMIS"
    assert dialog.local_url.text() == "http://127.0.0.1:8765"
    dialog.profile_list.setCurrentRow(0)
    assert not dialog.edit_button.isEnabled() and not dialog.remove_button.isEnabled()
    dialog.close()


def test_add_validate_edit_remove_profile(isolated_settings, qgis_iface):
    dialog = make_dialog(qgis_iface)
    dialog.add_button.click()
    assert dialog.editor.isVisible()
    type_profile(dialog, name="Staging", stac_url="ftp://stac.example.org",
                 signing_url="https://signing.example.org/sign?x=1")
    dialog.editor.save_button.click()
    problems = dialog.editor.problems_label.text()
    assert dialog.editor.isVisible() and "https://" in problems and "?" in problems
    assert dialog.editor.inputs["stac_url"].text() == "ftp://stac.example.org"  # kept
    assert settings.user_profiles() == []

    type_profile(dialog, name="DINAMIS", stac_url="https://stac.example.org",
                 signing_url="https://signing.example.org/")
    dialog.editor.save_button.click()
    assert "built-in" in dialog.editor.problems_label.text()
    # without storage hosts nothing would be signed: every download would be refused
    assert "meso.umontpellier.fr" in dialog.editor.problems_label.text()

    type_profile(dialog, name="Staging", storage_hosts="s3.example.org")
    dialog.editor.save_button.click()
    assert not dialog.editor.isVisible()
    assert "Staging" in listed_names(dialog)
    assert settings.user_profiles() == []  # saved by OK only

    dialog.active_combo.setCurrentIndex(dialog.active_combo.findData("Staging"))
    dialog.local_url.setText("not a url")
    dialog.buttons.accepted.emit()
    assert dialog.isVisible() and dialog.local_url_problem.isVisible()
    assert dialog.local_url.text() == "not a url"
    dialog.local_url.clear()
    dialog.local_url.insert("http://127.0.0.1:9999")  # as typed: the message goes away
    assert dialog.local_url_problem.isHidden()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    dialog.profile_list.setCurrentRow(2)
    dialog.edit_selected()
    assert dialog.editor.inputs["name"].text() == "Staging"
    assert dialog.grab().save(str(SCREENSHOTS / "settings-dialog.png"))
    type_profile(dialog, name="Staging 2")
    dialog.buttons.accepted.emit()
    assert not dialog.isVisible()
    assert settings.active_profile_name() == "Staging 2"
    assert [p.name for p in settings.user_profiles()] == ["Staging 2"]
    stored = json.loads(QgsSettings().value(settings.PROFILES_KEY))
    assert stored[0]["signing_url"] == "https://signing.example.org/"
    assert QgsSettings().value(settings.LOCAL_REFERENCE_URL_KEY) == "http://127.0.0.1:9999"
    assert settings.find_profile("Local reference server").stac_url == (
        "http://127.0.0.1:9999/stac/")

    dialog = make_dialog(qgis_iface)
    dialog.profile_list.setCurrentRow(2)
    dialog.remove_button.click()
    assert "Staging 2" not in listed_names(dialog)
    dialog.buttons.accepted.emit()
    assert settings.user_profiles() == []
    assert settings.active_profile_name() == "DINAMIS"
    assert dialog.forgotten_logins() == ["Staging 2"]


def test_settings_file_holds_only_addresses(isolated_settings, qgis_iface):
    dialog = make_dialog(qgis_iface)
    dialog.add_button.click()
    type_profile(dialog, name="Mine", stac_url="https://stac.example.org",
                 signing_url="https://signing.example.org/", storage_hosts="s3.example.org")
    dialog.buttons.accepted.emit()
    QgsSettings().sync()
    text = Path(QgsSettings().fileName()).read_text()
    assert "dinamis" in text and "Mine" in text
    for word in ("token", "secret", "password", "access_key", "api_key"):
        assert word not in text.lower()


def settings_snapshot():
    keys = (settings.PROFILES_KEY, settings.ACTIVE_PROFILE_KEY,
            settings.LOCAL_REFERENCE_URL_KEY)
    return {key: QgsSettings().value(key) for key in keys}


STAGING = dict(name="Staging", stac_url="https://stac.example.org",
               signing_url="https://signing.example.org/",
               demands_url="https://demands.example.org/api/v1/",
               storage_hosts=("s3.example.org", "cdn.example.org"),
               oidc_issuer="https://login.example.org/realms/x")


def test_cancel_undoes_every_change(isolated_settings, qgis_iface):
    from dinamis.core.profiles import EndpointProfile
    settings.save_user_profiles([EndpointProfile(**STAGING)])
    settings.set_active_profile_name("Staging")
    before = settings_snapshot()

    dialog = make_dialog(qgis_iface)
    dialog.add_button.click()
    type_profile(dialog, name="Mine", stac_url="https://stac.mine.org",
                 signing_url="https://signing.mine.org/", storage_hosts="s3.mine.org")
    dialog.editor.save_button.click()
    dialog.profile_list.setCurrentRow(2)
    dialog.edit_selected()
    type_profile(dialog, stac_url="https://elsewhere.example.org")
    dialog.editor.save_button.click()
    dialog.profile_list.setCurrentRow(2)
    dialog.remove_button.click()
    dialog.local_url.setText("http://127.0.0.1:9999")
    dialog.active_combo.setCurrentIndex(dialog.active_combo.findData("Mine"))
    assert listed_names(dialog)[2:] == ["Mine"]
    dialog.buttons.rejected.emit()
    assert not dialog.isVisible()

    assert settings_snapshot() == before
    assert settings.user_profiles() == [EndpointProfile(**STAGING)]
    assert dialog.forgotten_logins() == []


def test_editing_keeps_every_field_and_checks_storage_hosts(isolated_settings, qgis_iface):
    from dinamis.core.profiles import EndpointProfile
    settings.save_user_profiles([EndpointProfile(**STAGING)])
    dialog = make_dialog(qgis_iface)
    dialog.profile_list.setCurrentRow(2)
    dialog.edit_selected()
    inputs = dialog.editor.inputs
    assert inputs["storage_hosts"].text() == "s3.example.org cdn.example.org"
    assert inputs["oidc_issuer"].text() == "https://login.example.org/realms/x"

    type_profile(dialog, storage_hosts="https://s3.example.org/bucket")
    dialog.editor.save_button.click()
    problems = dialog.editor.problems_label.text()
    assert dialog.editor.isVisible() and "https://s3.example.org/bucket" in problems
    assert "meso.umontpellier.fr" in problems  # says what a host name looks like
    assert inputs["storage_hosts"].text() == "https://s3.example.org/bucket"  # kept
    assert dialog.grab().save(str(SCREENSHOTS / "settings-dialog-storage-hosts.png"))

    type_profile(dialog, name="Staging renamed", storage_hosts="s3.example.org, new.example.org")
    dialog.buttons.accepted.emit()
    assert not dialog.isVisible()
    [stored] = settings.user_profiles()
    assert stored == EndpointProfile(**dict(STAGING, name="Staging renamed",
                                            storage_hosts=("s3.example.org",
                                                           "new.example.org")))
    assert dialog.forgotten_logins() == ["Staging"]  # renamed: its login is not kept


def test_removing_the_profile_being_edited_drops_the_edit(isolated_settings, qgis_iface):
    from dinamis.core.profiles import EndpointProfile
    settings.save_user_profiles([EndpointProfile(**STAGING)])
    dialog = make_dialog(qgis_iface)
    dialog.profile_list.setCurrentRow(2)
    dialog.edit_selected()
    dialog.remove_button.click()
    dialog.buttons.accepted.emit()
    assert settings.user_profiles() == []


def store_logins(secret_store, *names):
    for name in names:
        secret_store.set(name, "refresh_token", f"refresh-of-{name}")
        secret_store.set(name, "api_access_key", f"access-of-{name}")
        secret_store.set(name, "api_secret_key", f"secret-of-{name}")


def test_removed_or_readdressed_profiles_lose_their_stored_login(
        isolated_settings, qgis_iface, secret_store):
    """Through the plugin's own menu action: the settings dialog is modal (exec)."""
    from qgis.PyQt.QtCore import QTimer
    from qgis.PyQt.QtWidgets import QApplication
    from dinamis.core.profiles import EndpointProfile
    from tests.qgis.conftest import idle, wait_until
    import dinamis

    profiles = [EndpointProfile(**dict(STAGING, name=name)) for name in
                ("Gone", "Moved", "Untouched")]
    settings.save_user_profiles(profiles)
    store_logins(secret_store, "Gone", "Moved", "Untouched", "Local reference server",
                 "DINAMIS")
    plugin = dinamis.classFactory(qgis_iface)
    plugin.secret_store_factory = lambda: secret_store
    plugin.initGui()
    plugin.restore_timer.stop()
    seen = {}

    def edit_in_dialog():
        dialog = QApplication.activeModalWidget()
        seen["dialog"] = dialog
        names = [dialog.profile_list.item(i).data(256) for i in
                 range(dialog.profile_list.count())]
        dialog.profile_list.setCurrentRow(names.index("Gone"))
        dialog.remove_button.click()
        names.remove("Gone")
        dialog.profile_list.setCurrentRow(names.index("Moved"))
        dialog.edit_selected()
        type_profile(dialog, signing_url="https://signing.other.example.org/")
        dialog.local_url.setText("http://127.0.0.1:9876")  # another local server
        dialog.buttons.accepted.emit()

    try:
        QTimer.singleShot(0, edit_in_dialog)
        plugin.settings_action.trigger()
        assert seen["dialog"].objectName() == "DinamisSettingsDialog"
        assert wait_until(lambda: idle(plugin.controller))
        for name in ("Gone", "Moved", "Local reference server"):
            for key in ("refresh_token", "api_access_key", "api_secret_key"):
                assert secret_store.get(name, key) is None, (name, key)
        for name in ("Untouched", "DINAMIS"):
            assert secret_store.get(name, "refresh_token") == f"refresh-of-{name}"
        assert [p.name for p in settings.user_profiles()] == ["Moved", "Untouched"]
    finally:
        plugin.unload()
