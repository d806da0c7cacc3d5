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
from {{ ref('stg_entity_mentions') }} m
join {{ ref('int_actor_names') }} n on n.name = m.canonical_name
