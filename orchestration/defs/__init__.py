"""Dagster definitions: assets, asset checks, resources and automation. Thin: each calls the
warehouse runners; orchestration/definitions.py assembles them."""
