{# Consonant skeleton of a given name: "Ahmed" and "Ahmad" agree, "Bashar" and "Maher" do not. #}
{% macro consonant_skeleton(expr) -%}
    regexp_replace({{ expr }}, '[aeiouy]', '', 'g')
{%- endmacro %}
