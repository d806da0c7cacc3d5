select * from {{ source('raw', 'citations') }}
