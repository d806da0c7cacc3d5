"""Reading article files: bytes → decoded text → metadata, body and boilerplate. Pure, no Dagster."""
