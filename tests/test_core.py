"""Unit tests of the core: front matter positions, geography, strings, the link graph."""

from __future__ import annotations

import re

import pytest

from conftest import FIXTURES
from tipkb import LANGUAGES, check, geography, strings
from tipkb.crossrefs import backlinks
from tipkb.frontmatter import split
from tipkb.resources import load_yaml


def test_front_matter_lines_follow_the_yaml():
    text = "---\ntitle: X\nunits:\n  - name: A\n    parent: B\n---\nbody\n"
    matter, body, body_line, problems = split(text, "x.md")
    assert problems == [] and body == "body\n" and body_line == 7
    assert matter.line_of(("title",)) == 2
    assert matter.line_of(("units", 0, "parent")) == 5
    assert matter.line_of(("units", 3)) == 3  # falls back to the nearest line that exists


def test_unclosed_front_matter_is_a_problem():
    _, _, _, problems = split("---\ntitle: X\n", "x.md")
    assert "never closed" in str(problems[0])


@pytest.mark.parametrize("page_id, code", [
    ("the-bahamas", "BHS"), ("republic-of-the-congo", "COG"), ("micronesia", "FSM"), ("kosovo", "XKX"),
    ("bosnia-and-herzegovina", "BIH"), ("north-macedonia", "MKD"), ("united-states", "USA"), ("saint-lucia", "LCA"),
])
def test_iso_codes_match_page_ids(page_id, code):
    assert geography.code_matches_id(code, page_id)
    assert geography.code_for_id(page_id) == code


def test_iso_code_of_another_country_does_not_match():
    assert not geography.code_matches_id("GTM", "thailand")


def test_every_region_has_a_cldr_name_in_every_language():
    for region in geography.regions():
        for lang in LANGUAGES:
            assert geography.region_name(region, lang.code)


def test_every_string_is_in_every_language():
    codes = {lang.code for lang in LANGUAGES}
    for key, entry in load_yaml("strings.yml").items():
        assert set(entry) == codes, f"{key} lacks {codes - set(entry)}"
        placeholders = {tuple(sorted(re.findall(r"\{(\w+)\}", entry[lang]))) for lang in entry}
        assert len(placeholders) == 1, f"{key}: placeholders differ between languages"
    assert "trafficking" in strings.subjects() and "smuggling" in strings.subjects()


def test_backlinks_come_from_front_matter():
    site, problems = check(FIXTURES / "basic" / "docs")
    assert problems == []
    practice = site.page("practices", "nationwide-coverage")
    assert [d.id for d in backlinks(site, practice)["countries"]] == ["guatemala"]
    source = site.page("sources", "state-dedicated-prosecution-units")
    found = backlinks(site, source)
    assert [d.id for d in found["countries"]] == ["guatemala", "thailand"]
    assert [d.id for d in found["statutes"]] == ["palermo-protocol"]


def test_anchors_use_the_site_slugify_and_explicit_ids():
    site, _ = check(FIXTURES / "basic" / "docs")
    assert "overview" in site.get("countries/thailand.md").parsed.anchors
    assert "overview" in site.get("countries/thailand.md", "ur").parsed.anchors
    assert "panorama" in site.get("countries/guatemala.md", "es").parsed.anchors
