{{ config(contract={'enforced': true}) }}
select
    cast(m.mention_id as varchar) as mention_id,
    cast(m.actor_id as varchar) as actor_id,
    cast(m.article_id as varchar) as article_id,
    cast(m.surface_text as varchar) as surface_text,
    cast(m.start_char as integer) as start_char,
    cast(m.end_char as integer) as end_char,
    cast(s.text as varchar) as sentence_text,
    cast(m.canonical_name as varchar) as canonical_name_in_article,
    cast(m.resolution as varchar) as resolution,
    cast(m.sentence_no as integer) as sentence_no
from {{ ref('int_actor_mentions') }} as m
left join {{ source('raw', 'sentences') }} as s on m.article_id = s.article_id and m.sentence_no = s.sentence_no
