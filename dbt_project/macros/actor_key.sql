{# Key for matching actor names across articles. Mirrors orchestration.extraction.actors.actor_key
   (tests/test_actor_key_parity.py keeps the two in step): accents, "(The)", possessive,
   apostrophes, Arabic article prefixes (al-/el-/as-/ash-…), a leading "the", standalone al/el,
   initial kh → h, ou → u, doubled letters, defense → defence, final -yi/-iy → -y, y → i, final m → n on
   longer words; so
   "Ahmed Al-Sharaa" = "Ahmad al-Sharaa"'s surname, and "Khmeimim" = "Hmeimim" = "Hmeimin". #}
{% macro actor_key(expr) -%}
    {%- set s -%}
        regexp_replace(regexp_replace(regexp_replace(regexp_replace(
            lower(strip_accents(trim({{ expr }}))),
            '\s*\(the\)$', ''),
            '[''’]s?$', ''),
            '[''’‘`´ʼʿʾ]', '', 'g'),
            '\b(al|el|ul|as|ad|ash|at|az|an|ar|adh|ath|ud|ed|es)-', ' ', 'g')
    {%- endset -%}
    {%- set words -%}
        list_filter(string_split(trim(regexp_replace({{ s }}, '[^0-9a-z]+', ' ', 'g')), ' '), lambda w: w <> '')
    {%- endset -%}
    {%- set ns = namespace(folded="replace(regexp_replace(w, '^kh', 'h'), 'ou', 'u')") -%}
    {%- for letter in 'abcdefghijklmnopqrstuvwxyz' -%}
        {%- set ns.folded = "regexp_replace(" ~ ns.folded ~ ", '" ~ letter ~ letter ~ "+', '" ~ letter ~ "', 'g')" -%}
    {%- endfor -%}
    {#- US / UK spelling of one ministry; Ukrainian and Russian transliterated endings (-skyi, -skiy) -#}
    {%- set folded = "replace(regexp_replace(replace(" ~ ns.folded ~ ", 'defense', 'defence'), '^(.{4,})(yi|iy)$', '\\1y'), 'y', 'i')" -%}
    array_to_string(list_transform(
        list_filter(
            case when len({{ words }}) > 0 and {{ words }}[1] = 'the' then {{ words }}[2:] else {{ words }} end,
            lambda w: not (w in ('al', 'el') and len({{ words }}) > 1)),
        lambda w: case when length({{ folded }}) > 3 and ends_with({{ folded }}, 'm')
                       then left({{ folded }}, -1) || 'n' else {{ folded }} end
    ), ' ')
{%- endmacro %}

{# Consonant skeleton of a given name: "Ahmed" and "Ahmad" agree, "Bashar" and "Maher" do not. #}
{% macro consonant_skeleton(expr) -%}
    regexp_replace({{ expr }}, '[aeiouy]', '', 'g')
{%- endmacro %}
