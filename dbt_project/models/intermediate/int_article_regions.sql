-- The place an article is about, used to keep estimates of different episodes apart.
-- Candidates: named places the article mentions often (at least twice and at least a quarter
-- as often as its most-mentioned place), never a place also mentioned as an actor ("Russia
-- urges…"). Among candidates the one most articles share wins, so articles about one
-- episode agree ("Syria" rather than one saying "Latakia"), while an article about El Fasher
-- that mentions Syria once keeps its own place. Spellings are matched with actor_key, and
-- through the curated place_aliases seed where one place is spelled apart ("Hmeimin" for Hmeimim).
with place_aliases as (
    select actor_key(alias) as alias_key, min(actor_key(place)) as place_key from {{ ref('place_aliases') }}
    group by 1
),

places as (
    select p.article_id, p.surface_text, coalesce(a.place_key, actor_key(p.surface_text)) as place_key
    from {{ source('raw', 'place_mentions') }} as p
    left join place_aliases as a on a.alias_key = actor_key(p.surface_text)
    where not exists (
        select 1 from {{ source('raw', 'entity_mentions') }} as m
        where m.article_id = p.article_id and m.start_char < p.end_char and p.start_char < m.end_char
    )
),

spellings as (
    select article_id, place_key, surface_text, count(*) as n from places
    group by 1, 2, 3
),

per_article as (
    -- the commonest spelling names the place; ties broken alphabetically so every build agrees
    select article_id, place_key, arg_max(surface_text, (n, surface_text)) as surface_text, sum(n) as n
    from spellings
    group by 1, 2
),

candidates as (
    select *, max(n) over (partition by article_id) as top_n from per_article
),

spread as (
    select place_key, count(distinct article_id) as n_articles from per_article
    group by 1
)

select
    c.article_id,
    arg_max(c.surface_text, (s.n_articles, c.n, c.place_key)) as region,
    arg_max(c.place_key, (s.n_articles, c.n, c.place_key)) as region_key
from candidates as c
inner join spread as s using (place_key)
where c.n >= 2 and c.n >= 0.25 * c.top_n
group by c.article_id
