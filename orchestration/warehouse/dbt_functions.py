"""DuckDB functions the dbt models call, registered on dbt's connection by dbt-duckdb's plugin
mechanism (``plugins`` in dbt_project/profiles.yml), so there is one implementation of each.

``actor_key`` is the extraction library's cross-article matching key: dbt's models cluster actor
names with the very function the extractor resolves names with within an article.
``name_variants`` lists the other ways a body's name is written ("Ministry of Health" for
"Health Ministry"): dim_actors and dim_sources carry them as aliases.
"""
from __future__ import annotations

from dbt.adapters.duckdb.plugins import BasePlugin

from orchestration.library.extraction.actors import actor_key, name_variants

# SQL name -> (Python function, argument types, return type)
FUNCTIONS = {"actor_key": (actor_key, ["VARCHAR"], "VARCHAR"), "name_variants": (name_variants, ["VARCHAR"], "VARCHAR[]")}


def register(con) -> None:
    """Make every function in FUNCTIONS callable from SQL on ``con`` (NULL in, NULL out)."""
    for name, (function, arguments, returns) in FUNCTIONS.items():
        con.create_function(name, function, arguments, returns, side_effects=False)


class Plugin(BasePlugin):
    def configure_connection(self, conn) -> None:
        register(conn)
