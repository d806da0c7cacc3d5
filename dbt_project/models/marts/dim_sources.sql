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
        list(distinct raw_name order by raw_name) as aliases
    from counted
    group by source_id
)
select
    cast(source_id as varchar) as source_id,
    cast(name as varchar) as name,
    cast(coalesce(curated_type, {{ source_type_guess('name') }}) as varchar) as source_type,
    cast(aliases as varchar[]) as aliases
from grouped
