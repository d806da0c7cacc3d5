"""The warehouse runners over DuckDB, without Dagster: the schema and writes (database), the
folder sync (sync), extraction of pending articles (extract_pending, parsing), dbt's project and
functions, and publishing the audited working file (publish)."""
