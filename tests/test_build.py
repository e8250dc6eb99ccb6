"""Build the 'basic' fixture with the real configuration and read the HTML."""

from __future__ import annotations

import json
import re

import pytest

from tipkb import LANGUAGES

LANGS = [lang.code for lang in LANGUAGES]


def _text(html: str) -> str:
    """The visible text of the article, tags removed and spaces folded."""
    article = html[html.index('<article'):html.index('</article>')]
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", article))


def test_every_language_is_built(basic_build):
    for lang in LANGS:
        prefix = "" if lang == "en" else f"{lang}/"
        html = basic_build.html(f"{prefix}countries/guatemala/index.html")
        assert f'<html lang="{lang}"' in html


def test_urdu_is_right_to_left_and_others_are_not(basic_build):
    assert '<body dir="rtl"' in basic_build.html("ur/countries/thailand/index.html")
    assert '<body dir="ltr"' in basic_build.html("es/countries/thailand/index.html")


def test_facts_box_in_the_page_language(basic_build):
    english = _text(basic_build.html("countries/thailand/index.html"))
    assert "At a glance" in english
    assert "Department of Anti-Human Trafficking" in english and "), established 2015:" in english
    assert "Southeast Asia" in english and "Last reviewed" in english and "November 20, 2026" in english
    spanish = _text(basic_build.html("es/countries/thailand/index.html"))
    assert "Datos clave" in spanish and "Sudeste asiático" in spanish and "20 de noviembre de 2026" in spanish
    # CLDR names for countries the Spanish site has no translation of; translated practice titles
    guatemala = _text(basic_build.html("es/countries/guatemala/index.html"))
    assert "Tailandia" in guatemala and "Cobertura geográfica nacional" in guatemala
    chinese = _text(basic_build.html("zh/countries/guatemala/index.html"))
    assert "概览" in chinese and "泰国" in chinese and "2026年11月23日" in chinese


def test_untranslated_page_shows_notice_in_reader_language(basic_build):
    french = _text(basic_build.html("fr/countries/guatemala/index.html"))
    assert "Pas encore traduite" in french and "The Public Ministry opened" in french
    english = _text(basic_build.html("countries/guatemala/index.html"))
    assert "Not yet translated" not in english and "Courtesy translation" not in english


def test_translation_says_english_is_authoritative_and_links_it(basic_build):
    html = basic_build.html("es/countries/guatemala/index.html")
    assert "Traducción de cortesía" in html and "El Ministerio Público abrió" in html
    assert '<a href="../../../countries/guatemala/">original en inglés</a>' in html


def test_directory_grouped_by_region(basic_build):
    text = _text(basic_build.html("countries/index.html"))
    assert text.index("Central America") < text.index("Guatemala") < text.index("Southeast Asia") < text.index("Thailand")
    assert "Centroamérica" in _text(basic_build.html("es/countries/index.html"))


def test_matrix_and_practice_backlinks(basic_build):
    html = basic_build.html("practices/index.html")
    row = re.search(r'<tr>\s*<td><a href="../countries/guatemala/">Guatemala</a></td>(.*?)</tr>', html, re.S)
    assert row and row.group(1).count("✓") == 1
    practice = _text(basic_build.html("practices/nationwide-coverage/index.html"))
    assert "Countries the sources show applying it" in practice and "Guatemala" in practice
    assert "Thailand" not in practice


def test_statute_and_source_backlinks(basic_build):
    statute = _text(basic_build.html("statutes/palermo-protocol/index.html"))
    assert "Cited by" in statute and "Guatemala" in statute and "Jurisdiction: International" in statute
    source = _text(basic_build.html("ur/sources/state-dedicated-prosecution-units/index.html"))
    assert "جہاں حوالہ دیا گیا" in source and "تھائی لینڈ" in source and "گواٹے مالا" in source


def test_statute_index_and_home_generated(basic_build):
    assert "International" in _text(basic_build.html("statutes/index.html"))
    home = _text(basic_build.html("index.html"))
    assert "Nationwide geographical coverage" in home and "Specialized courts" not in home.split("Recently reviewed")[0]
    assert home.index("Guatemala") < home.index("Thailand")  # newest review first


def test_links_point_to_the_same_language(basic_build):
    html = basic_build.html("es/countries/guatemala/index.html")
    assert 'href="../thailand/"' in html  # es/countries/thailand/
    assert "../../sources/state-dedicated-prosecution-units/" in html


@pytest.mark.parametrize("kind, ids", [
    ("countries", ["guatemala", "thailand"]),
    ("practices", ["nationwide-coverage", "specialized-courts"]),
    ("statutes", ["palermo-protocol"]),
    ("sources", ["state-dedicated-prosecution-units"]),
])
def test_data_exports(basic_build, kind, ids):
    records = json.loads((basic_build.site / "data" / f"{kind}.json").read_text(encoding="utf-8"))
    assert [r["id"] for r in records] == ids
    assert all(r["url"] and r["titles"]["en"] for r in records)


def test_country_export_fields(basic_build):
    guatemala = json.loads((basic_build.site / "data" / "countries.json").read_text(encoding="utf-8"))[0]
    assert guatemala["iso3"] == "GTM" and guatemala["region"] == "central-america"
    assert guatemala["practices"] == ["nationwide-coverage"] and guatemala["last_reviewed"] == "2026-11-23"
    assert guatemala["titles"]["ru"] == "Гватемала" and guatemala["translated"] == ["en", "es"]
    assert guatemala["url"] == "countries/guatemala/"
