"""Pure-Python core: no `qgis` import anywhere below this package (a test enforces it)."""
