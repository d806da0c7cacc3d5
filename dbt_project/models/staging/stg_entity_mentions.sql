select * from {{ source('raw', 'entity_mentions') }}
