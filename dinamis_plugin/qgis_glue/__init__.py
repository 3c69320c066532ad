"""Thin QGIS glue between the core and the GUI/Processing: settings, tasks, proxy, auth db."""
