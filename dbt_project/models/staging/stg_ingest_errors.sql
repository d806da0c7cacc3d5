select file_name, reason, content_sha256, size_bytes, detected_at
from {{ source('raw', 'ingest_errors') }}
