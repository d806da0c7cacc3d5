select * from {{ source('raw', 'date_mentions') }}
