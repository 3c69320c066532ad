"""Which application hosts the console API: none (plain Python) or the QGIS plugin.

The plugin attaches its `qgis_glue.plugin_session.ConsoleHost` at start-up and detaches
it at unload; `dinamis.api` asks `current()` on each call. Kept free of imports so that
registering costs QGIS's start-up nothing.
"""
_host = None


def attach(host) -> None:
    global _host
    _host = host


def detach(host) -> None:
    """Forget `host` if it is still the one attached (a newer plugin load may have replaced it)."""
    global _host
    if _host is host:
        _host = None


def current():
    return _host
