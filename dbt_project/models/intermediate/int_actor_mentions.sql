-- Each entity mention with the actor it resolves to.
select
    m.mention_id,
    m.article_id,
    m.sentence_no,
    m.start_char,
    m.end_char,
    m.surface_text,
    m.canonical_name,
    m.actor_type as mention_actor_type,
    m.resolution,
    n.actor_id
from {{ source('raw', 'entity_mentions') }} as m
inner join {{ ref('int_actor_names') }} as n on m.canonical_name = n.name
