"""Settings of one reference-server instance: where its data lives and how it behaves."""
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional
from urllib.parse import urlsplit

# Loopback names that reach the same server: the public quicklooks use the other one.
_OTHER_LOOPBACK_NAME = {"127.0.0.1": "localhost", "localhost": "127.0.0.1"}


@dataclass
class ServerConfig:
    data_dir: Path
    # Public base url as clients see it (hrefs in STAC items, token urls...). Set by the CLI
    # from host and port; tests pass the free port they picked.
    base_url: str = "http://127.0.0.1:8765"
    # Where the public quicklook bucket is served (hrefs of thumbnails). Not the storage host,
    # as on the real deployment, so a client that signs or authenticates public hrefs shows;
    # by default the other loopback name on the same port (localhost for 127.0.0.1).
    public_base_url: Optional[str] = None
    seed: int = 20261124
    # Catalogue size: items with metadata, and how many of the downloadable ones get real COGs.
    item_count: int = 300
    real_cog_count: int = 6
    cog_size: int = 512  # pixels per side of the generated COGs
    # Token and signature lifetimes (seconds); tests shorten them.
    access_token_lifetime: int = 300
    refresh_token_lifetime: int = 30 * 24 * 3600
    device_code_lifetime: int = 600
    device_poll_interval: int = 5
    signature_default_duration: int = 8 * 3600
    signature_max_duration: int = 7 * 24 * 3600
    # Which STAC API to play: "dinamis" (rich) or "pgstac" (stock stac-fastapi-pgstac; see
    # stac_flavour). stac_context: pgstac's `context` setting (1: numberMatched is sent).
    stac_flavour: str = "dinamis"
    stac_context: int = 0
    # Test mode enables /_test/ endpoints (faults, counters, clock) - never in a demo.
    test_mode: bool = False
    faults: dict = field(default_factory=dict)

    @property
    def quicklook_base_url(self) -> str:
        if self.public_base_url:
            return self.public_base_url.rstrip("/")
        parts = urlsplit(self.base_url)
        other = _OTHER_LOOPBACK_NAME.get(parts.hostname or "")
        if other is None:
            return self.base_url
        netloc = other + (f":{parts.port}" if parts.port else "")
        return parts._replace(netloc=netloc).geturl().rstrip("/")

    @property
    def storage_netloc(self) -> str:
        """host:port of the object store's private buckets (what the signer signs)."""
        return urlsplit(self.base_url).netloc

    @property
    def quicklook_netloc(self) -> str:
        return urlsplit(self.quicklook_base_url).netloc

    @property
    def db_path(self) -> Path:
        return Path(self.data_dir) / "dinamis.sqlite"

    @property
    def objects_dir(self) -> Path:
        return Path(self.data_dir) / "objects"
