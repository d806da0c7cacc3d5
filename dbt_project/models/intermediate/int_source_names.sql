-- Every spelling of an outlet or organization the warehouse has seen as an origin of
-- information (article publishers, cited sources, outlets figures came through), each
-- resolved to one canonical source: curated alias first, else normalized spelling.
with named as (
    select publisher as raw_name, 'publisher' as seen_as from {{ ref('stg_articles') }} where publisher is not null
    union all
    select source_text, 'citation' from {{ ref('stg_citations') }} where nullif(trim(source_text), '') is not null
    union all
    select outlet_text, 'outlet' from {{ ref('stg_figure_mentions') }} where nullif(trim(outlet_text), '') is not null
),
aliases as (
    select {{ name_key('alias') }} as alias_key, min(source_name) as source_name, min(source_type) as source_type
    from {{ ref('source_aliases') }}
    group by 1
),
resolved as (
    select
        trim(n.raw_name) as raw_name,
        coalesce(a.source_name, trim(n.raw_name)) as source_name,
        a.source_type as curated_type,
        n.seen_as
    from named n
    left join aliases a on {{ name_key('n.raw_name') }} = a.alias_key
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
