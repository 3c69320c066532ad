"""The enumerated choices of a request for new imagery: sensors, modes, production options.

One list, used by validation, by the published OpenAPI enums and by the quota table, so a
sensor or an option cannot exist in one place and be unknown in another.
"""

# Sensor id -> code used in request ids and a human label.
SENSORS = {
    "pleiades": {"code": "PHR", "label": "Pléiades"},
    "pleiades-neo": {"code": "PNEO", "label": "Pléiades Neo"},
    "spot-6-7": {"code": "SPOT", "label": "SPOT 6/7"},
}

CATEGORIES = {  # user category -> code used in project ids
    "scientific": "SCI",
    "public_actor": "PUB",
    "private_rd": "RD",
    "foreign_scientific": "FOR",
}
SCIENTIFIC_CATEGORIES = ("scientific", "foreign_scientific")

KINDS = {"archive": "A", "programming": "P"}
MODES = ("mono", "stereo", "tristereo")

PRODUCTION_OPTIONS = {
    "processing_level": ("primary", "ortho"),
    "image_format": ("DIMAP_GeoTIFF", "DIMAP_JPEG2000"),
    "radiometric_processing": ("basic", "reflectance", "display"),
    "pixel_coding": ("8bits", "12bits", "16bits"),
}
DEFAULT_PRODUCTION_OPTIONS = {
    "processing_level": "ortho",
    "image_format": "DIMAP_GeoTIFF",
    "radiometric_processing": "reflectance",
    "pixel_coding": "12bits",
}

MAX_INCIDENCE_DEG = 60
MIN_ORDER_KM2 = 100
