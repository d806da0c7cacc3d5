-- The place an article is mostly about: its most-mentioned named place that is not also
-- mentioned as an actor ("Russia urges…" is an actor; "in Syria" is a place). Figure
-- estimates use it to keep the same count type from different episodes apart.
with places as (
    select p.article_id, p.surface_text
    from {{ ref('stg_place_mentions') }} p
    where not exists (
        select 1 from {{ ref('stg_entity_mentions') }} m
        where m.article_id = p.article_id and m.start_char < p.end_char and p.start_char < m.end_char
    )
)
select
    article_id,
    arg_max(surface_text, n) as region,
    {{ actor_key('arg_max(surface_text, n)') }} as region_key
from (select article_id, surface_text, count(*) as n from places group by 1, 2)
group by article_id
