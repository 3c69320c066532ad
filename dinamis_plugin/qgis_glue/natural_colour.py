"""Natural-colour defaults for a streamed image: bands and contrast, computed cheaply.

The band order comes from core.streamable (eo:bands common names, else red, green, blue
as the first three). The contrast is the 2-98 % cumulative cut of each band, measured by
QGIS's own statistics on a sample of about 256 x 256 pixels: GDAL answers it from a small
overview, so a few tiles are read whatever the image size. `measure` runs off the main
thread (it reads); `apply` only sets the renderer, on the layer that goes into the map.
"""
from dataclasses import dataclass, field
from typing import Dict, Optional, Tuple

from qgis.core import (QgsContrastEnhancement, QgsMultiBandColorRenderer,
                       QgsRasterMinMaxOrigin, QgsSingleBandGrayRenderer)

CUT_LOWER, CUT_UPPER = 0.02, 0.98
SAMPLE_PIXELS = 256 * 256


@dataclass
class NaturalColour:
    """What the renderer needs: (red, green, blue) band numbers or None for grey, and the
    (min, max) stretch of each band shown."""

    bands: Optional[Tuple[int, int, int]]
    ranges: Dict[int, Tuple[float, float]] = field(default_factory=dict)

    def shown(self) -> Tuple[int, ...]:
        return self.bands if self.bands else (1,)


def measure(layer, bands: Optional[Tuple[int, int, int]]) -> NaturalColour:
    """Worker thread: the stretch of the bands to show, from an overview-sized sample."""
    colour = NaturalColour(bands)
    provider = layer.dataProvider()
    for band in colour.shown():
        low, high = provider.cumulativeCut(band, CUT_LOWER, CUT_UPPER, layer.extent(),
                                           SAMPLE_PIXELS)
        if high > low:
            colour.ranges[band] = (low, high)
    return colour


def _origin() -> QgsRasterMinMaxOrigin:
    """Tell the user (Symbology tab) how the stretch was made, so "Apply" redoes it."""
    origin = QgsRasterMinMaxOrigin()
    origin.setLimits(QgsRasterMinMaxOrigin.Limits.CumulativeCut)
    origin.setCumulativeCutLower(CUT_LOWER)
    origin.setCumulativeCutUpper(CUT_UPPER)
    origin.setExtent(QgsRasterMinMaxOrigin.Extent.WholeRaster)
    origin.setStatAccuracy(QgsRasterMinMaxOrigin.StatAccuracy.Estimated)
    return origin


def _stretch(provider, band: int, colour: NaturalColour) -> Optional[QgsContrastEnhancement]:
    if band not in colour.ranges:
        return None
    enhancement = QgsContrastEnhancement(provider.dataType(band))
    enhancement.setContrastEnhancementAlgorithm(
        QgsContrastEnhancement.ContrastEnhancementAlgorithm.StretchToMinimumMaximum)
    low, high = colour.ranges[band]
    enhancement.setMinimumValue(low)
    enhancement.setMaximumValue(high)
    return enhancement


def apply(layer, colour: NaturalColour) -> None:
    """Main thread: a natural-colour (or grey) renderer with the measured stretch."""
    provider = layer.dataProvider()
    if colour.bands and layer.bandCount() >= max(colour.bands):
        red, green, blue = colour.bands
        renderer = QgsMultiBandColorRenderer(provider, red, green, blue)
        for set_stretch, band in ((renderer.setRedContrastEnhancement, red),
                                  (renderer.setGreenContrastEnhancement, green),
                                  (renderer.setBlueContrastEnhancement, blue)):
            stretch = _stretch(provider, band, colour)
            if stretch is not None:
                set_stretch(stretch)
    else:
        renderer = QgsSingleBandGrayRenderer(provider, 1)
        stretch = _stretch(provider, 1, colour)
        if stretch is not None:
            renderer.setContrastEnhancement(stretch)
    renderer.setMinMaxOrigin(_origin())
    layer.setRenderer(renderer)
