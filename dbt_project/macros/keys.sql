{# Deterministic 16-hex-digit surrogate key from a normalized name: stable across rebuilds. #}
{% macro name_id(kind, key_expr) -%}
    substr(md5('{{ kind }}' || chr(31) || {{ key_expr }}), 1, 16)
{%- endmacro %}

{# Normalized spelling for matching names across articles: case, accents, punctuation,
   a leading "the", and a trailing "(The)" as in footnote style "New Arab (The)". #}
{% macro name_key(expr) -%}
    trim(regexp_replace(regexp_replace(regexp_replace(
        lower(strip_accents(trim(regexp_replace({{ expr }}, '\s*\((?:the|The)\)\s*$', '')))),
        '^the\s+', ''), '[^a-z0-9]+', ' ', 'g'), '\s+', ' ', 'g'))
{%- endmacro %}
