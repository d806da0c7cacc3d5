-- Every spelling of an outlet or organization the warehouse has seen as an origin of
-- information (article publishers, cited sources, outlets figures came through), each
-- resolved to one canonical source: curated alias first, else the actor it names (so "SNHR"
-- and "Syrian Network for Human Rights" are one source, as they are one actor), else the
-- normalized spelling.
with named as (
    select publisher as raw_name, 'publisher' as seen_as from {{ ref('stg_articles') }} where publisher is not null
    union all
    -- a citation resolved through an actor mention carries that actor's canonical name
    select coalesce(nullif(trim(source_name), ''), source_text), 'citation' from {{ ref('stg_citations') }}
    where nullif(trim(source_text), '') is not null
    union all
    select outlet_text, 'outlet' from {{ ref('stg_figure_mentions') }} where nullif(trim(outlet_text), '') is not null
),
aliases as (
    select {{ name_key('alias') }} as alias_key, min(source_name) as source_name, min(source_type) as source_type
    from {{ ref('source_aliases') }}
    group by 1
),
actor_display as (
    -- the display name of each actor cluster, chosen as dim_actors chooses it
    select actor_id,
           arg_max(resolved_name, (is_curated, len(string_split(resolved_name, ' ')), mentions, resolved_name)) as actor_name
    from {{ ref('int_actor_names') }}
    group by actor_id
),
resolved as (
    select
        trim(n.raw_name) as raw_name,
        coalesce(a.source_name, ca.source_name, ad.actor_name, trim(n.raw_name)) as source_name,
        coalesce(a.source_type, ca.source_type) as curated_type,
        n.seen_as
    from named n
    left join aliases a on {{ name_key('n.raw_name') }} = a.alias_key
    left join {{ ref('int_actor_names') }} an on a.alias_key is null and an.name = trim(n.raw_name)
    left join actor_display ad on ad.actor_id = an.actor_id
    -- the actor's canonical name may itself be a curated source spelling
    left join aliases ca on a.alias_key is null and ca.alias_key = {{ name_key('ad.actor_name') }}
)
select
    raw_name,
    {{ name_key('source_name') }} as source_key,
    {{ name_id('source', name_key('source_name')) }} as source_id,
    source_name,
    curated_type,
    list(distinct seen_as order by seen_as) as seen_as
from resolved
group by all
