"""The DINAMIS services on loopback: STAC API, OIDC, signing, object store, demand manager.

Flask application factory with one blueprint per service, as the real services are
separate deployments behind one host here. See docs/ARCHITECTURE.md for the url layout.
"""
from pathlib import Path

from flask import Flask

from .config import ServerConfig


def create_app(config: ServerConfig) -> Flask:
    # Absolute, because Flask's send_file resolves relative paths against the app's
    # package folder, not the working directory (a relative --data broke COG downloads).
    config.data_dir = Path(config.data_dir).resolve()
    app = Flask(__name__)
    app.config["DINAMIS"] = config
    app.json.sort_keys = False
    app.json.ensure_ascii = False

    # Importing a service module registers its schema; order matters for foreign keys.
    from . import (accounts, db, demands, errors, faults, index, object_store, oidc,
                   signing, stac_api)

    errors.init_app(app)
    db.init_db(app)
    faults.init_app(app)
    app.register_blueprint(index.bp)
    app.register_blueprint(stac_api.bp, url_prefix="/stac")
    app.register_blueprint(oidc.bp, url_prefix="/realms/dinamis")
    app.register_blueprint(signing.bp, url_prefix="/signing")
    app.register_blueprint(object_store.bp, url_prefix="/s3")
    app.register_blueprint(demands.bp, url_prefix="/demands")

    from . import seeding
    seeding.seed_all(config)
    return app
