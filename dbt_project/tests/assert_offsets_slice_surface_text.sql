-- Every offset pair indexes the stored body text and the slice equals the stored text.
-- attached to fct_figures in Dagster: a singular test over several models needs to be told which it checks
{{ config(meta={'dagster': {'ref': {'name': 'fct_figures'}}}) }}
select 'figure' as kind, f.figure_id as id
from {{ ref('fct_figures') }} as f inner join {{ ref('stg_articles') }} as a using (article_id)
where substr(a.body_text, f.start_char + 1, f.end_char - f.start_char) <> f.surface_text
union all
select 'mention' as kind, m.mention_id as id
from {{ ref('fct_actor_mentions') }} as m inner join {{ ref('stg_articles') }} as a using (article_id)
where substr(a.body_text, m.start_char + 1, m.end_char - m.start_char) <> m.surface_text
union all
select 'quote' as kind, q.quote_id as id
from {{ ref('fct_quotes') }} as q inner join {{ ref('stg_articles') }} as a using (article_id)
where substr(a.body_text, q.start_char + 1, q.end_char - q.start_char) <> q.quote_text
union all
select 'citation' as kind, c.citation_id as id
from {{ ref('fct_citations') }} as c inner join {{ ref('stg_articles') }} as a using (article_id)
where
    substr(case c.text_field when 'boilerplate' then a.boilerplate_text else a.body_text end, c.start_char + 1, c.end_char - c.start_char)
    <> c.source_text
