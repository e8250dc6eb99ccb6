"""Translation tracking: stamps, outdated translations, the status page and JSON."""

from __future__ import annotations

import json
import subprocess
import sys

from conftest import ROOT, build, copy_fixture
from tipkb import check
from tipkb.load import load
from tipkb.translations import stamp, status

GUATEMALA = "countries/guatemala.md"


def _change_english(docs):
    path = docs / GUATEMALA
    path.write_text(path.read_text(encoding="utf-8").replace("regional anti-trafficking office", "regional office"), encoding="utf-8")


def test_fixture_translations_are_up_to_date(tmp_path):
    site, _ = load(copy_fixture("basic", tmp_path))
    assert status(site)["es"].outdated == [] and GUATEMALA in status(site)["es"].translated


def test_editing_english_makes_its_translations_outdated_until_restamped(tmp_path):
    docs = copy_fixture("basic", tmp_path)
    _change_english(docs)
    site, problems = check(docs)
    assert problems == []
    assert status(site)["es"].outdated == [GUATEMALA]
    assert GUATEMALA in status(site)["fr"].missing
    stamp(site, docs / "countries" / "guatemala.es.md")
    assert status(load(docs)[0])["es"].outdated == []


def test_front_matter_only_changes_do_not_outdate(tmp_path):
    docs = copy_fixture("basic", tmp_path)
    path = docs / GUATEMALA
    path.write_text(path.read_text(encoding="utf-8").replace("last_reviewed: 2026-11-23", "last_reviewed: 2026-11-22"), encoding="utf-8")
    assert status(load(docs)[0])["es"].outdated == []


def test_a_malformed_stamp_is_a_problem(tmp_path):
    docs = copy_fixture("basic", tmp_path)
    path = docs / "countries" / "guatemala.es.md"
    path.write_text(path.read_text(encoding="utf-8").replace('english_version: "1a7315e716b2"', 'english_version: latest'), encoding="utf-8")
    _, problems = check(docs)
    assert [p.field for p in problems] == ["english_version"]
    assert "make i18n-stamp" in str(problems[0])


def test_outdated_translation_shows_notice_and_status(tmp_path):
    docs = copy_fixture("basic", tmp_path)
    _change_english(docs)
    result = build(docs, tmp_path)
    assert result.returncode == 0, result.output
    spanish = result.html("es/countries/guatemala/index.html")
    assert "Traducción posiblemente desactualizada" in spanish
    assert '<a href="../../../countries/guatemala/">página actual en inglés</a>' in spanish
    assert "desactualizada" not in result.html("es/practices/nationwide-coverage/index.html")
    data = json.loads((result.site / "translation-status.json").read_text(encoding="utf-8"))
    assert data["es"]["outdated"] == [GUATEMALA] and data["es"]["total"] == 13
    page = result.html("translation-status/index.html")
    assert "<td>Español</td>" in page and "Guatemala" in page


def test_status_and_stamp_commands(tmp_path):
    docs = copy_fixture("basic", tmp_path)
    _change_english(docs)
    run = lambda *args: subprocess.run([sys.executable, "-m", "tipkb", "--docs", str(docs), *args],
                                       capture_output=True, text=True, cwd=ROOT)
    assert json.loads(run("i18n-status", "--json").stdout)["es"]["outdated"] == [GUATEMALA]
    assert run("i18n-stamp", str(docs / "countries" / "guatemala.es.md")).returncode == 0
    table = run("i18n-status").stdout
    assert table.splitlines()[1].split()[:3] == ["es", "3", "0"]
    refused = run("i18n-stamp", str(docs / GUATEMALA))
    assert refused.returncode == 1 and "is not a translation" in refused.stderr
