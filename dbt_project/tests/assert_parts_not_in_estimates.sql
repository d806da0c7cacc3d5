-- A part ("39 children" of "803 people") is never grouped into an estimate with its whole.
-- attached to fct_figures in Dagster: a singular test over several models needs to be told which it checks
{{ config(meta={'dagster': {'ref': {'name': 'fct_figures'}}}) }}
select e.estimate_id, f.figure_id
from {{ ref('fct_figure_estimates') }} as e, unnest(e.figure_ids) as t (figure_id)
inner join {{ ref('fct_figures') }} as f on t.figure_id = f.figure_id
where f.parent_figure_id is not null
