{{ config(contract={'enforced': true}) }}
select
    cast(c.citation_id as varchar) as citation_id,
    cast(c.article_id as varchar) as article_id,
    cast(src.source_id as varchar) as source_id,
    cast(c.footnote_no as integer) as footnote_no,
    cast(c.cited_title as varchar) as cited_title,
    cast(c.cited_date as date) as cited_date,
    cast(c.cited_text as varchar) as cited_text,
    cast(c.kind as varchar) as kind,
    cast(c.source_text as varchar) as source_text,
    cast(c.text_field as varchar) as text_field,
    cast(c.start_char as integer) as start_char,
    cast(c.end_char as integer) as end_char
from {{ source('raw', 'citations') }} as c
left join {{ ref('int_source_names') }} as src on src.raw_name = trim(coalesce(nullif(trim(c.source_name), ''), c.source_text))
