"""The tree shows its layers: the pure library imports neither Dagster nor DuckDB, the warehouse
runners do not import Dagster, and the README's layout lists every package folder."""
from __future__ import annotations

import ast
from pathlib import Path

from tests.conftest import REPO

ORCHESTRATION = REPO / "orchestration"


def _imports(folder: Path) -> dict[str, set[str]]:
    found = {}
    for path in folder.rglob("*.py"):
        names = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names |= {alias.name.split(".")[0] for alias in node.names}
                names |= {alias.name for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module:
                names |= {node.module.split(".")[0], node.module}
        found[str(path.relative_to(REPO))] = names
    return found


def test_the_pure_library_imports_neither_dagster_nor_duckdb_nor_the_other_layers():
    offenders = {path: sorted(names & {"dagster", "duckdb", "dagster_dbt"} | {n for n in names if n.startswith(
        ("orchestration.warehouse", "orchestration.defs", "orchestration.definitions"))})
                 for path, names in _imports(ORCHESTRATION / "library").items()}
    assert {p: n for p, n in offenders.items() if n} == {}


def test_the_warehouse_runners_do_not_import_dagster():
    offenders = {path: sorted(n for n in names if n in {"dagster", "dagster_dbt"} or n.startswith("orchestration.defs"))
                 for path, names in _imports(ORCHESTRATION / "warehouse").items()}
    assert {p: n for p, n in offenders.items() if n} == {}


def test_the_readme_layout_lists_every_package_folder():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    layout = readme.split("## Layout", 1)[1].split("\n## ", 1)[0]
    folders = sorted(str(p.parent.relative_to(REPO)) + "/" for p in ORCHESTRATION.rglob("__init__.py"))
    missing = [f for f in folders if f not in layout]
    assert missing == [], f"README layout does not list {missing}"
