"""Dagster resources: the warehouse file and the seeds folder, both from settings by default."""
from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path

import dagster as dg

from orchestration import warehouse


class WarehouseResource(dg.ConfigurableResource):
    """The one DuckDB file. Every write in the pipeline goes through ``connect``."""

    path: str

    @contextmanager
    def connect(self, read_only: bool = False):
        with warehouse.connect(self.path, read_only=read_only) as con:
            yield con


class SeedsFolder(dg.ConfigurableResource):
    """The folder of article files the warehouse is built from."""

    path: str

    @property
    def root(self) -> Path:
        return Path(self.path).resolve()


