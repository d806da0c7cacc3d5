"""Data quality: Great Expectations suites (expectations/*.json) validated against warehouse tables."""
