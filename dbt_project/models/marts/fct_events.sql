{{ config(contract={'enforced': true}) }}
select
    cast(e.event_id as varchar) as event_id,
    cast(e.article_id as varchar) as article_id,
    cast(e.event_date as date) as event_date,
    cast(e.event_date_end as date) as event_date_end,
    cast(e.date_precision as varchar) as date_precision,
    cast(e.date_text as varchar) as date_text,
    cast(e.description as varchar) as description,
    cast(e.location as varchar) as location,
    cast(s.text as varchar) as sentence_text,
    cast(e.clause_start as integer) as start_char,
    cast(e.clause_end as integer) as end_char
from {{ source('raw', 'events') }} as e
left join {{ source('raw', 'sentences') }} as s on e.article_id = s.article_id and e.sentence_no = s.sentence_no
