"""On a QGIS whose Python is too old, the plugin explains itself instead of failing."""
from qgis.core import Qgis


def test_supported_versions():
    from dinamis.unsupported_python import python_is_supported
    assert python_is_supported((3, 10)) and python_is_supported((3, 12, 1))
    assert not python_is_supported((3, 9, 18))


def test_old_python_gets_a_message_not_a_traceback(qgis_iface):
    from dinamis.unsupported_python import UnsupportedPythonPlugin
    bar = qgis_iface.messageBar()  # pytest-qgis's bar records what it is given
    bar.clear_messages()
    plugin = UnsupportedPythonPlugin(qgis_iface, version=(3, 9, 18))
    plugin.initGui()
    plugin.unload()
    assert any(plugin.message() in text for text in bar.get_messages(Qgis.MessageLevel.Warning))
    bar.clear_messages()
    assert "Python 3.10 or newer" in plugin.message() and "Python 3.9" in plugin.message()


def test_this_python_gets_the_real_plugin(qgis_iface):
    import dinamis
    plugin = dinamis.classFactory(qgis_iface)
    assert type(plugin).__name__ == "DinamisPlugin"
