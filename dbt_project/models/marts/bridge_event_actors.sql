{{ config(contract={'enforced': true}) }}
-- event × actor; when one actor fills several roles in an event the strongest is kept
select
    cast(l.event_id as varchar) as event_id,
    cast(m.actor_id as varchar) as actor_id,
    cast(arg_min(l.role, case l.role when 'agent' then 1 when 'speaker' then 2 when 'target' then 3 else 4 end) as varchar) as role
from {{ source('raw', 'event_actors') }} as l
inner join {{ ref('int_actor_mentions') }} as m on l.mention_id = m.mention_id
group by l.event_id, m.actor_id
