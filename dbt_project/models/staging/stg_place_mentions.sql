select * from {{ source('raw', 'place_mentions') }}
