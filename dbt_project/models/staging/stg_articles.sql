select
    article_id,
    file_name,
    content_sha256,
    size_bytes,
    encoding,
    nullif(trim(title), '') as title,
    title_source,
    nullif(trim(publisher), '') as publisher,
    nullif(trim(author), '') as author,
    published_date,
    published_date_precision,
    nullif(trim(url), '') as url,
    metadata_source,
    body_text,
    boilerplate_text,
    word_count,
    ingested_at
from {{ source('raw', 'articles') }}
