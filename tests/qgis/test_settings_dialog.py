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

    type_profile(dialog, name="Staging")
    dialog.editor.save_button.click()
    assert not dialog.editor.isVisible()
    assert "Staging" in listed_names(dialog)
    stored = json.loads(QgsSettings().value(settings.PROFILES_KEY))
    assert stored[0]["name"] == "Staging"
    assert stored[0]["signing_url"] == "https://signing.example.org/"

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
    assert QgsSettings().value(settings.LOCAL_REFERENCE_URL_KEY) == "http://127.0.0.1:9999"
    assert settings.find_profile("Local reference server").stac_url == (
        "http://127.0.0.1:9999/stac/")

    dialog = make_dialog(qgis_iface)
    dialog.profile_list.setCurrentRow(2)
    dialog.remove_button.click()
    assert settings.user_profiles() == []
    assert settings.active_profile_name() == "DINAMIS"
    assert "Staging 2" not in listed_names(dialog)
    dialog.close()


def test_settings_file_holds_only_addresses(isolated_settings, qgis_iface):
    dialog = make_dialog(qgis_iface)
    dialog.add_button.click()
    type_profile(dialog, name="Mine", stac_url="https://stac.example.org",
                 signing_url="https://signing.example.org/")
    dialog.buttons.accepted.emit()
    QgsSettings().sync()
    text = Path(QgsSettings().fileName()).read_text()
    assert "dinamis" in text and "Mine" in text
    for word in ("token", "secret", "password", "access_key", "api_key"):
        assert word not in text.lower()
