-- Cross-article actor resolution: every within-article canonical name (and every claimant
-- named only as text) → one actor cluster.
--   1. curated alias list (seed actor_aliases), matched on actor_key
--   2. people: same surname and the same consonant skeleton of the given name
--      ("Ahmed al-Sharaa" = "Ahmad Al-Sharaa"; "Bashar al-Assad" ≠ "Maher al-Assad");
--      a surname-only name joins the one full name with that surname, if exactly one exists;
--      a name that begins the one longer name ("Ovidio Guzmán" of "Ovidio Guzmán López", a
--      second surname dropped) joins it, if exactly one such name exists
--   3. organizations: a bare acronym joins the one organization whose initials it spells
--   4. otherwise the normalized spelling itself
with mention_names as (
    select canonical_name as name, actor_type, count(*) as n, max(affiliation) as affiliation
    from {{ source('raw', 'entity_mentions') }}
    group by 1, 2
),

affiliation_names as (
    -- the states institutions belong to ("Israel" for "the Israeli military") are actors even
    -- where the article never names them as one
    select distinct affiliation as name, 'state' as actor_type, 0 as n, null as affiliation
    from {{ source('raw', 'entity_mentions') }}
    where nullif(trim(affiliation), '') is not null
),

claimant_names as (
    -- claimants the figure extractor named without an entity mention behind them
    select trim(claimant_text) as name, null as actor_type, count(*) as n, null as affiliation
    from {{ source('raw', 'figure_mentions') }}
    where claimant_mention_id is null and nullif(trim(claimant_text), '') is not null
    group by 1
),

names as (
    -- the type seen most often; ties broken alphabetically so every build agrees
    select
        name, coalesce(arg_max(actor_type, (n, actor_type)) filter (where actor_type is not null), 'other') as seen_type,
        sum(n) as n, max(affiliation) as affiliation
    from (
        select * from mention_names
        union all
        select * from claimant_names
        union all
        select * from affiliation_names
    ) as every_name
    group by name
),

aliases as (
    select
        actor_key(alias) as alias_key,
        min(actor_name) as actor_name, min(actor_type) as actor_type, min(affiliation) as affiliation
    from {{ ref('actor_aliases') }}
    group by 1
),

curated as (
    select
        n.name,
        coalesce(a.actor_name, n.name) as resolved_name,
        coalesce(a.actor_type, n.seen_type) as actor_type,
        coalesce(a.affiliation, n.affiliation) as affiliation,
        a.actor_name is not null as is_curated,
        n.n
    from names as n
    left join aliases as a on a.alias_key = actor_key(n.name)
),

keyed as (
    select
        *,
        actor_key(resolved_name) as key,
        string_split(actor_key(resolved_name), ' ') as tokens
    from curated
),

full_people as (
    select distinct
        tokens[-1] as surname, {{ consonant_skeleton('tokens[1]') }} as given_skeleton,
        tokens[-1] || '|' || {{ consonant_skeleton('tokens[1]') }} as person_key
    from keyed
    where actor_type = 'person' and len(tokens) >= 2
),

longer_people as (
    -- each name of three words or more under every shorter beginning of two words or more
    select
        array_to_string(kd.tokens[1:r.k], ' ') as prefix,
        kd.tokens[-1] || '|' || {{ consonant_skeleton('kd.tokens[1]') }} as person_key
    from keyed as kd, range(2, len(kd.tokens)) as r (k)
    where kd.actor_type = 'person' and len(kd.tokens) >= 3
),

unique_prefixes as (
    select prefix, min(person_key) as person_key from longer_people
    group by prefix
    having count(distinct person_key) = 1
),

unique_surnames as (
    select surname, min(person_key) as person_key from full_people
    group by surname
    having count(*) = 1
),

org_initials as (
    select
        key, array_to_string(list_transform(
            list_filter(tokens, lambda t: t not in ('of', 'for', 'the', 'and', 'in', 'on', 'de', 'al')), lambda t: t[1]
        ), '') as initials
    from keyed
    where actor_type in ('organization', 'armed_group', 'government_body', 'military_unit', 'media') and len(tokens) >= 2
),

unique_initials as (
    select initials, min(key) as key from org_initials
    group by initials
    having count(distinct key) = 1
),

clustered as (
    select
        k.*,
        case
            when k.actor_type = 'person' and up.person_key is not null
                then 'person:' || up.person_key
            when k.actor_type = 'person' and len(k.tokens) >= 2
                then 'person:' || k.tokens[-1] || '|' || {{ consonant_skeleton('k.tokens[1]') }}
            when k.actor_type = 'person' and us.person_key is not null
                then 'person:' || us.person_key
            when not k.is_curated and len(k.tokens) = 1 and ui.key is not null
                then 'name:' || ui.key
            else 'name:' || k.key
        end as cluster_key
    from keyed as k
    left join unique_surnames as us on k.actor_type = 'person' and len(k.tokens) = 1 and us.surname = k.tokens[1]
    left join unique_initials as ui on ui.initials = k.tokens[1]
    left join unique_prefixes as up on k.actor_type = 'person' and len(k.tokens) >= 2 and k.key = up.prefix
)

select
    name,
    resolved_name,
    actor_type,
    affiliation,
    is_curated,
    n as mentions,
    cluster_key,
    {{ name_id('actor', 'cluster_key') }} as actor_id,
    -- the actor's display name (dim_actors.name, and the name a source that is this actor takes):
    -- a curated name first, then the longest, then the most mentioned
    arg_max(resolved_name, (is_curated, len(string_split(resolved_name, ' ')), n, resolved_name))
        over (partition by cluster_key) as display_name
from clustered
