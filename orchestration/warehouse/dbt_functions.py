"""DuckDB functions the dbt models call, registered on dbt's connection by dbt-duckdb's plugin
mechanism (``plugins`` in dbt_project/profiles.yml), so there is one implementation of each.

``actor_key`` is the extraction library's cross-article matching key: dbt's models cluster actor
names with the very function the extractor resolves names with within an article.
"""
from __future__ import annotations

from dbt.adapters.duckdb.plugins import BasePlugin

from orchestration.library.extraction.actors import actor_key

# SQL name -> (Python function, argument types, return type)
FUNCTIONS = {"actor_key": (actor_key, ["VARCHAR"], "VARCHAR")}


def register(con) -> None:
    """Make every function in FUNCTIONS callable from SQL on ``con`` (NULL in, NULL out)."""
    for name, (function, arguments, returns) in FUNCTIONS.items():
        con.create_function(name, function, arguments, returns, side_effects=False)


class Plugin(BasePlugin):
    def configure_connection(self, conn) -> None:
        register(conn)
