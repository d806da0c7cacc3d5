-- Figures with their claimant, outlet, report date, parent and grouping key resolved.
--   parent: an explicit "including" link, else an inferred breakdown: a later figure of the
--     same count type and unit class, from the same claimant in the same article, that is
--     smaller than an earlier one ("803 people … The report noted … at least 172 members …").
--   report_date: the latest day-precision date in the sentence that is not a "since" date,
--     else the article's published date.
--   unit: a figure with no unit of its own takes the previous one in its sentence.
--   scope: incident when the sentence describes one attack without a cumulative cue.
with unit_filled as (
    -- "more than 8,000 people, with the number potentially rising to 9,000": a figure with no
    -- unit counts what the figure before it in the same sentence and count type counts
    select
        f.* replace (coalesce(nullif(trim(f.unit), ''), lag(nullif(trim(f.unit), '') ignore nulls) over (
            partition by f.article_id, f.sentence_no, f.count_type order by f.start_char
        )) as unit)
    from {{ source('raw', 'figure_mentions') }} as f
),

figures as (
    select
        f.*, s.text as sentence_text,
        coalesce(uc.unit_class, nullif(lower(trim(f.unit)), ''), 'unspecified') as unit_class
    from unit_filled as f
    left join {{ source('raw', 'sentences') }} as s on f.article_id = s.article_id and f.sentence_no = s.sentence_no
    left join {{ ref('unit_classes') }} as uc on uc.unit = lower(trim(f.unit))
),

claimants as (
    select
        f.figure_id,
        coalesce(am.actor_id, an.actor_id) as claimed_by_actor_id
    from figures as f
    left join {{ ref('int_actor_mentions') }} as am on f.claimant_mention_id = am.mention_id
    left join {{ ref('int_actor_names') }} as an on f.claimant_mention_id is null and an.name = trim(f.claimant_text)
),

report_dates as (
    select f.figure_id, max(d.date_start) as sentence_date
    from figures as f
    inner join {{ source('raw', 'date_mentions') }} as d on f.article_id = d.article_id and f.sentence_no = d.sentence_no
    where d.precision = 'day' and coalesce(d.resolution, '') <> 'since' and d.date_start is not null
    group by f.figure_id
),

with_claimant as (
    select f.*, c.claimed_by_actor_id
    from figures as f inner join claimants as c using (figure_id)
),

breakdowns as (
    select
        child.figure_id,
        arg_min(parent.figure_id, parent.start_char) as inferred_parent_figure_id
    from with_claimant as child
    inner join with_claimant as parent
        on
            child.article_id = parent.article_id
            and child.count_type = parent.count_type
            and child.claimed_by_actor_id = parent.claimed_by_actor_id
            and child.start_char > parent.start_char
            and child.value_high < parent.value_low
            and parent.parent_figure_id is null
            and not parent.is_vague
    where child.parent_figure_id is null
    group by child.figure_id
)

select
    f.*,
    coalesce(f.parent_figure_id, b.inferred_parent_figure_id) as resolved_parent_figure_id,
    case
        when f.parent_figure_id is not null then 'explicit'
        when b.inferred_parent_figure_id is not null then 'inferred_breakdown'
    end as parent_link,
    src.source_id as reported_via_source_id,
    coalesce(rd.sentence_date, a.published_date) as report_date,
    case
        when
            regexp_matches(lower(f.sentence_text), '(since|so far|toll|in total|in all|overall|cumulative|to date|rises to|risen to)')
            then 'cumulative'
        when
            regexp_matches(
                lower(f.sentence_text), '(attack|strike|shelling|bombing|explosion|ambush|raid|massacre|blast)\b.*\b(on|in|at|near)\b'
            )
            then 'incident'
        else 'cumulative'
    end as scope,
    coalesce(r.region, 'unknown place') as region,
    coalesce(r.region_key, 'unknown') as region_key
from with_claimant as f
left join breakdowns as b using (figure_id)
left join report_dates as rd using (figure_id)
left join {{ ref('int_source_names') }} as src on src.raw_name = trim(f.outlet_text)
left join {{ ref('stg_articles') }} as a on f.article_id = a.article_id
left join {{ ref('int_article_regions') }} as r on f.article_id = r.article_id
