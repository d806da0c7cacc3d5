{{ config(contract={'enforced': true}) }}
-- One row per quantity: claims with the same count type, unit class, scope and region
-- (the place the article is about), leaving out parts of other figures and vague counts.
-- Each claim's point value: exact/about → value_low; over/at_least → value_low (the stated
-- floor); up_to/less_than → value_high; range → midpoint.
-- best = median of the claims' point values; low = min(value_low); high = max(value_high).
with claims as (
    select
        f.*,
        case
            when qualifier in ('up_to', 'less_than') then value_high
            when qualifier = 'range' then (value_low + value_high) / 2
            else value_low
        end as point_value,
        coalesce(claimed_by_actor_id, reported_via_source_id, 'article:' || article_id) as source_key,
        count(*) over (partition by count_type, unit_class, scope, region_key, subject) as subject_claims
    from {{ ref('int_figures') }} as f
    where resolved_parent_figure_id is null and not is_vague and count_type <> 'other'
),

grouped as (
    select
        count_type || '|' || unit_class || '|' || scope || '|' || region_key as quantity_key,
        count_type,
        arg_max(subject, (subject_claims, subject)) as subject,
        any_value(unit_class) as unit_class,
        any_value(scope) as scope,
        any_value(region) as region,
        count(*) as n_claims,
        count(distinct source_key) as n_sources,
        count(distinct article_id) as n_articles,
        min(value_low) as low,
        median(point_value) as best,
        max(value_high) as high,
        min(report_date) as first_reported,
        max(report_date) as last_reported,
        list(figure_id order by report_date nulls last, figure_id) as figure_ids
    from claims
    group by 1, 2
)

select
    cast({{ name_id('estimate', 'quantity_key') }} as varchar) as estimate_id,
    cast(count_type as varchar) as count_type,
    cast(coalesce(subject, count_type || ' ' || unit_class) as varchar) as subject,
    cast(n_claims as integer) as n_claims,
    cast(n_sources as integer) as n_sources,
    cast(low as double) as low,
    cast(best as double) as best,
    cast(high as double) as high,
    cast(first_reported as date) as first_reported,
    cast(last_reported as date) as last_reported,
    cast(unit_class as varchar) as unit_class,
    cast(scope as varchar) as scope,
    cast(region as varchar) as region,
    cast(n_articles as integer) as n_articles,
    cast(figure_ids as varchar[]) as figure_ids
from grouped
