-- Every spelling of an outlet or organization the warehouse has seen as an origin of
-- information (article publishers, cited sources, outlets figures came through), each
-- resolved to one canonical source: curated alias first, else the actor it names (so "SNHR"
-- and "Syrian Network for Human Rights" are one source, as they are one actor), else the
-- normalized spelling. One row per spelling (raw_name), so joins on it never fan out.
with named as (
    -- resolve_as: the name the spelling is looked up by
    select publisher as raw_name, publisher as resolve_as, 'publisher' as seen_as
    from {{ ref('stg_articles') }}
    where publisher is not null
    union all
    -- the publisher's web address is one of its names too ("antiwar.com" for news.antiwar.com;
    -- the reader takes the site from the url)
    select site as raw_name, publisher as resolve_as, 'publisher' as seen_as from {{ ref('stg_articles') }}
    where publisher is not null and site is not null
    union all
    -- ... and so is the address's own spelling when the name was rebuilt from it ("One India" from
    -- oneindia.com answers to "oneindia", "bdnews24.com" to "bdnews24"): the reader cannot know
    -- how the outlet spaces or capitalises its name, and the address is how the outlet spells it
    select split_part(site, '.', 1) as raw_name, publisher as resolve_as, 'publisher' as seen_as
    from {{ ref('stg_articles') }}
    where
        publisher is not null and site is not null
        and lower(regexp_replace(publisher, '[^A-Za-z0-9]', '', 'g')) in (
            regexp_replace(split_part(site, '.', 1), '[^a-z0-9]', '', 'g'), regexp_replace(site, '[^a-z0-9]', '', 'g')
        )
    union all
    -- a citation resolved through an actor mention carries that actor's canonical name ...
    select
        coalesce(nullif(trim(source_name), ''), source_text) as raw_name,
        coalesce(nullif(trim(source_name), ''), source_text) as resolve_as,
        'citation' as seen_as
    from {{ source('raw', 'citations') }}
    where nullif(trim(source_text), '') is not null
    union all
    -- ... and its spelling as printed is an alias of that source ("Pentagon", "Doctors Without
    -- Borders"), when the mention names it rather than referring back ("the Observatory")
    select c.source_text as raw_name, c.source_name as resolve_as, 'citation' as seen_as
    from {{ source('raw', 'citations') }} as c
    inner join {{ source('raw', 'entity_mentions') }} as m
        on c.article_id = m.article_id and c.start_char = m.start_char and c.end_char = m.end_char
    where
        c.text_field = 'body' and nullif(trim(c.source_name), '') is not null
        and m.resolution in ('name', 'acronym', 'alias', 'metonym', 'institution')
    union all
    select outlet_text as raw_name, outlet_text as resolve_as, 'outlet' as seen_as from {{ source('raw', 'figure_mentions') }}
    where nullif(trim(outlet_text), '') is not null
),

aliases as (
    select {{ name_key('alias') }} as alias_key, min(source_name) as source_name, min(source_type) as source_type
    from {{ ref('source_aliases') }}
    group by 1
),

resolved as (
    select
        trim(n.raw_name) as raw_name,
        coalesce(a.source_name, ca.source_name, an.display_name, trim(n.resolve_as)) as source_name,
        coalesce(a.source_type, ca.source_type) as curated_type,
        trim(n.resolve_as) <> trim(n.raw_name) as via_alias,
        -- a source that is a state, a government body or an armed force is a government source
        case when an.actor_type in ('state', 'government_body', 'military_unit') then 'government' end as actor_source_type,
        n.seen_as
    from named as n
    left join aliases as a on {{ name_key('n.resolve_as') }} = a.alias_key
    left join {{ ref('int_actor_names') }} as an on a.alias_key is null and an.name = trim(n.resolve_as)
    -- the actor's display name may itself be a curated source spelling
    left join aliases as ca on a.alias_key is null and ca.alias_key = {{ name_key('an.display_name') }}
),

chosen as (
    -- a spelling seen several ways keeps one source: curated first, then as written, then by name
    select raw_name, source_name, coalesce(curated_type, actor_source_type) as curated_type
    from resolved
    qualify row_number() over (partition by raw_name order by curated_type is null, via_alias, source_name) = 1
)

select
    c.raw_name,
    {{ name_key('c.source_name') }} as source_key,
    {{ name_id('source', name_key('c.source_name')) }} as source_id,
    c.source_name,
    c.curated_type,
    list(distinct r.seen_as order by r.seen_as) as seen_as
from chosen as c
inner join resolved as r using (raw_name)
group by all
