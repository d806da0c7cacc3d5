"""Conflict-claims warehouse: Dagster orchestration plus the pure article-parsing library."""
