"""DINAMIS for QGIS.

QGIS calls `classFactory`; the Python console uses the same package as a short API
(`import dinamis; dinamis.login(); dinamis.search(...)`), loaded lazily so that QGIS
start-up pays for neither the core nor its libraries.
"""


def classFactory(iface):  # noqa: N802 - QGIS's name
    from .unsupported_python import UnsupportedPythonPlugin, python_is_supported
    if not python_is_supported():
        return UnsupportedPythonPlugin(iface)
    from .plugin import DinamisPlugin
    return DinamisPlugin(iface)


def __getattr__(name):
    """Console API (dinamis.api) on first use: `dinamis.login`, `dinamis.search`..."""
    # QGIS probes every plugin module with hasattr(module, "qCleanupResources") while
    # unloading; importing the API then would grow the module set QGIS is iterating.
    if name.startswith("__") or name == "qCleanupResources":
        raise AttributeError(f"module 'dinamis' has no attribute {name!r}")
    # import_module, not `from . import api`: the latter asks this very __getattr__ for
    # "api" before importing it, and recurses.
    from importlib import import_module
    api = import_module(".api", __name__)
    if name == "api":
        return api
    if name in api.__all__:
        return getattr(api, name)
    raise AttributeError(f"module 'dinamis' has no attribute {name!r}")
