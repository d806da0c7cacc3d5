select * from {{ source('raw', 'sentences') }}
