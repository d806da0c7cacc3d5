"""The SQL actor_key macro (cross-article matching in dbt) must agree with the Python one."""
import duckdb
import pytest
from jinja2 import Environment

from orchestration.extraction.actors import actor_key
from tests.conftest import REPO

NAMES = ["Maria Zakharova", "Ahmed Al-Sharaa", "ahmed al-sharaa", "Sharaa", "Assad's", "Bashar Al-Assad", "Khmeimim",
         "Hmeimim", "Hmeimin", "Monastyrskyi", "Pavlo Kyrylenko", "Pavel Kirilenko", "Yemen", "Denys Monastyrsky", "Zelenskiy", "Russian Defense Ministry", "Yi", "the Kremlin", "Moscow Times (The)", "Tartous", "Hayat Tahrir al-Sham", "Abu Mohammad al-Jolani",
         "Türkiye", "Ash-Sharq", "Syrian Observatory for Human Rights", "Al Jazeera", "Ukraine’s", "M23"]


def _sql_actor_key():
    source = (REPO / "dbt_project/macros/actor_key.sql").read_text()
    module = Environment().from_string(source).module
    return module.actor_key


@pytest.mark.parametrize("name", NAMES)
def test_sql_and_python_keys_agree(name):
    sql = _sql_actor_key()("name")
    got = duckdb.connect().execute(f"SELECT {sql} FROM (SELECT ?::VARCHAR AS name)", [name]).fetchone()[0]
    assert got == actor_key(name)
