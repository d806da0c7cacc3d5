-- An event never ends before it starts.
select event_id, event_date, event_date_end from {{ ref('fct_events') }}
where event_date_end < event_date
