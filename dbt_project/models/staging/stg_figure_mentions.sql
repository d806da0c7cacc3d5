select * from {{ source('raw', 'figure_mentions') }}
