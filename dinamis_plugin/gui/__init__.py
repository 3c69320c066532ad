"""Dock panels and dialogs. Widgets only; work goes through qgis_glue tasks and the core."""
