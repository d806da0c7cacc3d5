{{ config(contract={'enforced': true}) }}
select
    cast(a.article_id as varchar) as article_id,
    cast(a.file_name as varchar) as file_name,
    cast(a.title as varchar) as title,
    cast(s.source_id as varchar) as publisher_source_id,
    cast(a.author as varchar) as author,
    cast(a.published_date as date) as published_date,
    cast(a.url as varchar) as url,
    cast(a.word_count as integer) as word_count,
    cast(a.content_sha256 as varchar) as content_sha256,
    cast(a.publisher as varchar) as publisher_name,
    cast(a.published_date_precision as varchar) as published_date_precision,
    cast(a.title_source as varchar) as title_source,
    cast(a.encoding as varchar) as source_encoding
from {{ ref('stg_articles') }} as a
left join {{ ref('int_source_names') }} as s on s.raw_name = trim(a.publisher)
