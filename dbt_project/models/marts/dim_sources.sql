{{ config(contract={'enforced': true}) }}
with counted as (
    select *, count(*) over (partition by source_id, source_name) as spellings from {{ ref('int_source_names') }}
),

grouped as (
    select
        source_id,
        -- the curated canonical spelling wins; otherwise the most common spelling seen
        coalesce(max(source_name) filter (where curated_type is not null), arg_max(source_name, (spellings, source_name))) as name,
        max(curated_type) as curated_type,
        list(distinct raw_name order by raw_name) as seen_spellings
    from counted
    group by source_id
),

curated_spellings as (
    -- every curated spelling of a source the warehouse has, so "OCHA" also answers to its full name
    select {{ name_id('source', name_key('source_name')) }} as source_id, list(distinct alias order by alias) as spellings
    from {{ ref('source_aliases') }}
    group by 1
)

select
    cast(g.source_id as varchar) as source_id,
    cast(g.name as varchar) as name,
    cast(coalesce(g.curated_type, {{ source_type_guess('g.name') }}) as varchar) as source_type,
    -- every spelling seen, the curated ones, and the other word order of a body's name
    cast(list_sort(list_distinct(list_concat(g.seen_spellings, coalesce(c.spellings, []), name_variants(g.name)))) as varchar[])
        as aliases
from grouped as g
left join curated_spellings as c using (source_id)
