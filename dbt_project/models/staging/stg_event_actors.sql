select * from {{ source('raw', 'event_actors') }}
