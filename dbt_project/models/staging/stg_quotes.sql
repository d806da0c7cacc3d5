select * from {{ source('raw', 'quotes') }}
