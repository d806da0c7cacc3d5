{{ config(contract={'enforced': true}) }}
-- One row per real-world actor across all articles.
-- affiliation: the curated one, else the organization printed right before a person's name
-- in a title ("Russian Foreign Ministry spokesperson Maria Zakharova"), the most frequent wins.
with names as (
    select * from {{ ref('int_actor_names') }}
),

actors as (
    select
        actor_id,
        any_value(display_name) as name,
        coalesce(max(actor_type) filter (where is_curated), arg_max(actor_type, (mentions, actor_type))) as actor_type,
        -- the curated affiliation, else the state an institution's mentions name
        coalesce(max(affiliation) filter (where is_curated), max(affiliation)) as affiliation_name
    from names
    group by actor_id
),

spellings as (
    select actor_id, list(distinct spelling order by spelling) as aliases
    from (
        select actor_id, surface_text as spelling from {{ ref('int_actor_mentions') }}
        union
        select actor_id, name from names
        union
        -- the other word order of a body's name ("Ministry of Health" for "Health Ministry")
        select actor_id, unnest(name_variants(name)) as spelling from names
    )
    group by actor_id
),

title_links as (
    select p.actor_id, o.actor_id as org_actor_id, count(*) as n
    from {{ ref('int_actor_mentions') }} as p
    inner join {{ ref('int_actor_mentions') }} as o
        on
            p.article_id = o.article_id and p.sentence_no = o.sentence_no
            and p.start_char >= o.end_char and p.start_char - o.end_char <= 30
            and p.actor_id <> o.actor_id
    inner join {{ ref('stg_articles') }} as a on p.article_id = a.article_id
    where
        p.mention_actor_type = 'person'
        and o.mention_actor_type in ('organization', 'government_body', 'armed_group', 'military_unit', 'media', 'state')
        and regexp_full_match(substr(a.body_text, o.end_char + 1, p.start_char - o.end_char), '[\s,]*[a-z][a-z\- ]*[\s,]*')
    group by 1, 2
),

inferred as (
    select actor_id, arg_max(org_actor_id, (n, org_actor_id)) as org_actor_id from title_links
    group by actor_id
)

select
    cast(a.actor_id as varchar) as actor_id,
    cast(a.name as varchar) as name,
    cast(a.actor_type as varchar) as actor_type,
    cast(s.aliases as varchar[]) as aliases,
    -- an actor is never its own affiliation (a curated or inferred state name can cluster with it)
    cast(nullif(coalesce(curated.actor_id, i.org_actor_id), a.actor_id) as varchar) as affiliation_actor_id
from actors as a
left join spellings as s using (actor_id)
left join inferred as i using (actor_id)
left join (select distinct resolved_name, actor_id from names) as curated  -- noqa: ST05
    on a.affiliation_name = curated.resolved_name
