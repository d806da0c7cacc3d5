{# A best guess of source_type for outlets no alias row names, from words in the name. #}
{% macro source_type_guess(expr) -%}
    case
        when regexp_matches(lower({{ expr }}), '(facebook|twitter|telegram|instagram|youtube|tiktok|social media|\bx\.com)') then 'social_media'
        when regexp_matches(lower({{ expr }}), '(getty|photo|images\b)') then 'photo_agency'
        when regexp_matches(lower({{ expr }}), '(news agency|agency news|press agency|\bagence\b|\bwire\b)') then 'news_agency'
        when regexp_matches(lower({{ expr }}), '(united nations|\bun\b|unhcr|unicef|ocha|\bwho\b|european union|\beu\b|nato|african union|\bosce\b)') then 'intergovernmental'
        when regexp_matches(lower({{ expr }}), '(ministry|government|\barmy\b|police|president|kremlin|office of|defen[cs]e forces|\bcouncil\b)') then 'government'
        when regexp_matches(lower({{ expr }}), '(network for|observatory|watch\b|amnesty|human rights|red cross|red crescent|doctors|médecins|relief|committee|foundation|\bngo\b)') then 'ngo'
        when regexp_matches(lower({{ expr }}), '(institute|center\b|centre\b|endowment|council on|brookings|chatham|\bisw\b|think tank)') then 'think_tank'
        when regexp_matches(lower({{ expr }}), '(\btv\b|television|radio|broadcast|channel)') then 'broadcaster'
        when regexp_matches(lower({{ expr }}), '(times|post|herald|gazette|journal|tribune|daily|guardian|telegraph|newspaper|baladi|monitor)') then 'newspaper'
        else 'other'
    end
{%- endmacro %}
