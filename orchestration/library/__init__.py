"""The pure library: file bytes in, text and records out. No Dagster, no DuckDB, no I/O beyond
what a caller hands in, so it runs anywhere (a test, a Dask worker)."""
