{{ config(contract={'enforced': true}) }}
select
    cast(q.quote_id as varchar) as quote_id,
    cast(q.article_id as varchar) as article_id,
    cast(coalesce(m.actor_id, n.actor_id) as varchar) as speaker_actor_id,
    cast(q.speaker_text as varchar) as speaker_text,
    cast(q.quote_text as varchar) as quote_text,
    cast(s.text as varchar) as sentence_text,
    cast(q.start_char as integer) as start_char,
    cast(q.end_char as integer) as end_char,
    cast(q.speaker_canonical as varchar) as speaker_name
from {{ source('raw', 'quotes') }} as q
left join {{ ref('int_actor_mentions') }} as m on q.speaker_mention_id = m.mention_id
left join {{ ref('int_actor_names') }} as n on q.speaker_mention_id is null and q.speaker_canonical = n.name
left join {{ source('raw', 'sentences') }} as s on q.article_id = s.article_id and q.sentence_no = s.sentence_no
