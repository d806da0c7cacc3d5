{# Key for matching actor names across articles: name_key plus transliteration folding
   (al-/el- articles, initial kh → h, doubled letters, ee/ou vowel spellings), so that
   "Ahmed Al-Sharaa" / "Ahmed al-Sharaa" and "Khmeimim" / "Hmeimim" compare equal. #}
{% macro actor_key(expr) -%}
    {%- set folded -%}
        regexp_replace(regexp_replace(regexp_replace(
            ' ' || {{ name_key(expr) }} || ' ',
            ' (al|el) ', ' ', 'g'),
            ' kh', ' h', 'g'),
            '(ee|ou)', 'u', 'g')
    {%- endset -%}
    {%- set ns = namespace(sql=folded) -%}
    {%- for letter in 'abcdefghijklmnopqrstuvwxyz' -%}
        {%- set ns.sql = "replace(" ~ ns.sql ~ ", '" ~ letter ~ letter ~ "', '" ~ letter ~ "')" -%}
    {%- endfor -%}
    trim({{ ns.sql }})
{%- endmacro %}

{# Consonant skeleton of a given name: "Ahmed" and "Ahmad" agree, "Bashar" and "Maher" do not. #}
{% macro consonant_skeleton(expr) -%}
    regexp_replace({{ expr }}, '[aeiouy]', '', 'g')
{%- endmacro %}
