-- A figure's upper bound is never below its lower bound.
select figure_id, value_low, value_high from {{ ref('fct_figures') }}
where value_high < value_low
