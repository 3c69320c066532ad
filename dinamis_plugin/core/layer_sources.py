"""The urls inside a GDAL dataset name, as QGIS keeps it in a layer's source.

A streamed layer's source holds its presigned url in one of three spellings: plain
(`/vsicurl/https://host/a.tif?X-Amz-...`), percent-encoded in vsicurl's option syntax
(`/vsicurl?url=https%3A%2F%2Fhost%2Fa.tif%3FX-Amz-...`), or XML-escaped inside an inline
VRT (`<SourceFilename>/vsicurl/https://host/a.tif?X-Amz-...&amp;...</SourceFilename>`,
a mosaic). `rewrite_urls` finds every url in any of them and replaces it in the same
spelling, so signing, un-signing and re-signing work on every kind of source alike.

A source whose urls cannot be signed yet (no login when the project opens) is replaced by
a *waiting source*: a one-pixel transparent VRT, opened by GDAL with no network, that
carries the unsigned source it stands for (`waiting_source`, `source_behind`).

Pure strings, no QGIS import. Signed urls are secrets: nothing here logs them.
"""
import html
import re
from typing import Callable, List, Optional
from urllib.parse import quote, unquote

from . import signed_url

# A url runs until whitespace, a quote, an XML tag bracket or QGIS's "|" option separator.
_PLAIN_URL = re.compile(r"https?://[^\s\"'<>|]+")
# vsicurl's option syntax: url=<percent-encoded url>, up to the next option or the end.
_ENCODED_URL = re.compile(r"(?<=[?&]url=)https?%3A%2F%2F[^&\s\"'<>|]*", re.IGNORECASE)
_XML_AMP = "&amp;"

WAITING_DOMAIN = "dinamis:waiting-for-signature"
WAITING_BANDS = 16  # enough for the saved renderer's band numbers (VHR images have 1 to 6)
_WAITING_TEMPLATE = (
    '<VRTDataset rasterXSize="1" rasterYSize="1">'
    "<SRS>EPSG:4326</SRS>"
    "<GeoTransform>0, 1e-06, 0, 0, 0, -1e-06</GeoTransform>"
    '<Metadata domain="' + WAITING_DOMAIN + '"><MDI key="source">{source}</MDI></Metadata>'
    + "".join(f'<VRTRasterBand dataType="Byte" band="{band}"><NoDataValue>0</NoDataValue>'
              "</VRTRasterBand>" for band in range(1, WAITING_BANDS + 1))
    + "</VRTDataset>")
_WAITING_SOURCE = re.compile(
    r'<Metadata domain="' + re.escape(WAITING_DOMAIN) + r'"><MDI key="source">(.*?)</MDI>',
    re.DOTALL)

UrlMap = Callable[[str], str]

# core.presigned_redirect's loopback address in front of a presigned url (GDAL 3.6.0-3.6.2)
REDIRECT_PATH = "/dinamis-presigned"
_REDIRECT = re.compile(r"http://127\.0\.0\.1:\d+" + re.escape(REDIRECT_PATH)
                       + r"(?:/[A-Za-z0-9_-]+)?\?url=([^&\s\"'<>|]*)")


def might_hold_urls(source: str) -> bool:
    """Cheap first test (QGIS calls the path hooks for every path of a project)."""
    return "http" in source or "HTTP" in source


def rewrite_urls(source: str, change: UrlMap) -> str:
    """`source` with every http(s) url replaced by `change(url)`, in the url's spelling."""
    if not source or not might_hold_urls(source):
        return source
    in_xml = source.lstrip().startswith("<")  # an inline VRT: urls are XML-escaped

    def plain(match):
        text = match.group(0)
        url = text.replace(_XML_AMP, "&") if in_xml else text
        new = change(url)
        if new == url:
            return text
        return new.replace("&", _XML_AMP) if in_xml else new

    def encoded(match):
        url = unquote(match.group(0))
        new = change(url)
        return match.group(0) if new == url else quote(new, safe="")

    return _PLAIN_URL.sub(plain, _ENCODED_URL.sub(encoded, source))


def urls_in(source: str) -> List[str]:
    """Every http(s) url in `source`, decoded, in order of appearance, without repeats."""
    found: List[str] = []

    def collect(url):
        if url not in found:
            found.append(url)
        return url

    rewrite_urls(source, collect)
    return found


def signed_urls_in(source: str) -> List[str]:
    return [url for url in urls_in(source) if signed_url.is_signed(url)]


def unsigned_source(source: str, is_storage: Callable[[str], bool]) -> str:
    """`source` with the presigned urls of storage hosts replaced by their unsigned form:
    what may be saved in a project."""
    return rewrite_urls(source, lambda url: signed_url.unsigned(url)
                        if is_storage(url) and signed_url.is_signed(url) else url)


_SIGNATURE_PARAMETER = re.compile(r"([?&]|&amp;)X-Amz-[A-Za-z]+=[^&\s\"'<>|]*", re.IGNORECASE)


# QGIS makes a layer id from its name, "_" for every other character: a layer named after
# its presigned url gets "..._tif_X_Amz_Algorithm_..._X_Amz_Signature_<hex>_<uuid>".
_MANGLED_SIGNATURE = re.compile(r"_X_Amz_[A-Za-z]+_.*?_X_Amz_Signature_[0-9a-fA-F]+")


def without_signature_queries(text: str) -> str:
    """`text` with every `X-Amz-*=...` query parameter taken out, wherever it stands (a
    layer named after its presigned url, a url fragment without http), and the same
    parameters as QGIS spells them in a layer id made from such a name."""
    cleaned = _SIGNATURE_PARAMETER.sub(lambda m: "?" if m.group(1) == "?" else "", text)
    cleaned = re.sub(r"\?(?=[&\s\"'<>|]|$)", "", cleaned.replace("?&", "?"))
    return without_mangled_signatures(cleaned)


def without_mangled_signatures(text: str) -> str:
    """`text` without presigned query parameters as QGIS spells them in layer ids."""
    return _MANGLED_SIGNATURE.sub("", text)


def holds_signature(text: str) -> bool:
    """Cheap test: might `text` hold (part of) a presigned url, in any spelling?"""
    return "Amz-Signature" in text or "Amz_Signature" in text


def without_redirect(source: str) -> str:
    """`source` with each loopback redirect replaced by the url it stands for."""
    if REDIRECT_PATH not in source:
        return source
    in_xml = source.lstrip().startswith("<")

    def inner(match):
        url = unquote(match.group(1))
        return url.replace("&", _XML_AMP) if in_xml else url

    return _REDIRECT.sub(inner, source)


def through_redirect(source: str, base_url: str) -> str:
    """`source` with each presigned url behind the loopback redirect at `base_url`."""
    return rewrite_urls(without_redirect(source), lambda url: (
        f"{base_url}?url={quote(url, safe='')}" if signed_url.is_signed(url) else url))


def signed_source(source: str, signed: dict) -> str:
    """`source` with each url found in `signed` ({unsigned url: signed url}) replaced."""
    return rewrite_urls(source, lambda url: signed.get(url, url))


def waiting_source(source: str) -> str:
    """A transparent one-pixel dataset standing for `source` until it can be signed (its
    bands are many, so that the layer's saved renderer finds the bands it names)."""
    return _WAITING_TEMPLATE.format(source=html.escape(source, quote=True))


def source_behind(source: str) -> Optional[str]:
    """The source a waiting source stands for; None for any other source."""
    if not source.startswith("<VRTDataset") or WAITING_DOMAIN not in source:
        return None
    match = _WAITING_SOURCE.search(source)
    return html.unescape(match.group(1)) if match else None
