"""`python -m tests.reference_server`: serve the DINAMIS stand-in on loopback (`make serve`)."""
import argparse
import json
import sys
from pathlib import Path

from . import create_app, log_redaction
from .config import ServerConfig


def parse_args(argv=None):
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8765)
    p.add_argument("--data", default=".data/reference", help="data folder (created on first start)")
    p.add_argument("--items", type=int, default=None, help="catalogue size on first start")
    p.add_argument("--real-cogs", type=int, default=None, help="items with real COG files")
    p.add_argument("--cog-size", type=int, default=None, help="COG width/height in pixels")
    p.add_argument("--seed", type=int, default=None)
    p.add_argument("--token-lifetime", type=int, default=None, help="access token seconds")
    p.add_argument("--device-interval", type=int, default=None, help="device poll interval s")
    p.add_argument("--stac-flavour", choices=("dinamis", "pgstac"), default="dinamis",
                   help="the STAC API to play: this rich one, or a stock stac-fastapi-pgstac")
    p.add_argument("--stac-context", action="store_true",
                   help="pgstac flavour: send numberMatched (pgstac's context setting on)")
    p.add_argument("--test-mode", action="store_true", help="enable /_test/ (faults, counters)")
    p.add_argument("--faults", default=None, help="JSON fault settings, see faults.py")
    return p.parse_args(argv)


def config_from_args(args) -> ServerConfig:
    config = ServerConfig(data_dir=Path(args.data).resolve(), base_url=f"http://{args.host}:{args.port}",
                          test_mode=args.test_mode, stac_flavour=args.stac_flavour,
                          stac_context=int(args.stac_context))
    for attr, value in (("item_count", args.items), ("real_cog_count", args.real_cogs),
                        ("cog_size", args.cog_size), ("seed", args.seed),
                        ("access_token_lifetime", args.token_lifetime),
                        ("device_poll_interval", args.device_interval)):
        if value is not None:
            setattr(config, attr, value)
    if args.faults:
        config.faults = json.loads(args.faults)
    return config


def main(argv=None):
    args = parse_args(argv)
    config = config_from_args(args)
    app = create_app(config)
    log_redaction.install()
    base = config.base_url
    print(f"DINAMIS reference server on {base}  (data: {config.data_dir})")
    print(f"  STAC API         {base}/stac/  ({config.stac_flavour})")
    print(f"  OpenID Connect   {base}/realms/dinamis/.well-known/openid-configuration")
    print(f"  Device login     {base}/realms/dinamis/device")
    print(f"  Signing          {base}/signing/  (openapi.json)")
    print(f"  Object store     {base}/s3/")
    print(f"  Demand manager   {base}/demands/api/v1/  (openapi: {base}/demands/openapi.json)")
    from .accounts import DEMO_ACCOUNTS_TEXT
    print(DEMO_ACCOUNTS_TEXT)
    sys.stdout.flush()
    from .wsgi_server import serve
    serve(app, args.host, args.port)


if __name__ == "__main__":
    main()
