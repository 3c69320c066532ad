"""First-start data, deterministic from the seed: accounts, catalogue and assets, quota rules.

Each part runs once per data folder (a flag in the meta table), so a restart keeps what
users did and never re-randomises anything.
"""
from . import db
from .config import ServerConfig


def seed_all(config: ServerConfig) -> None:
    from . import accounts, catalogue_seed, quotas
    conn = db.connect(config.db_path)
    try:
        for name, seeder in (("accounts", accounts.seed), ("catalogue", catalogue_seed.seed),
                             ("quotas", quotas.seed)):
            if db.meta_get(conn, f"seeded:{name}") is None:
                with conn:
                    seeder(conn, config)
                    db.meta_set(conn, f"seeded:{name}", "1")
    finally:
        conn.close()
