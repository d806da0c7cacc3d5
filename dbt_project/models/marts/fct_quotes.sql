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
from {{ ref('stg_quotes') }} q
left join {{ ref('int_actor_mentions') }} m on m.mention_id = q.speaker_mention_id
left join {{ ref('int_actor_names') }} n on q.speaker_mention_id is null and n.name = q.speaker_canonical
left join {{ ref('stg_sentences') }} s on s.article_id = q.article_id and s.sentence_no = q.sentence_no
