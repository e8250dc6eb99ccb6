"""The editor's tools: page templates, JSON Schemas, the external-link list."""

from __future__ import annotations

import json
import subprocess
import sys

from conftest import ROOT, copy_fixture
from tipkb import check
from tipkb.schemas import NAMES, schema


def _tipkb(docs, *args):
    return subprocess.run([sys.executable, "-m", "tipkb", "--docs", str(docs), *args], capture_output=True, text=True, cwd=ROOT)


def test_new_country_with_region_and_sources_is_valid(tmp_path):
    docs = copy_fixture("basic", tmp_path)
    result = _tipkb(docs, "new", "country", "Kenya", "--region", "eastern-africa", "--sources", "state-dedicated-prosecution-units")
    assert result.returncode == 0 and "still to fill in" not in result.stdout, result.stdout
    text = (docs / "countries" / "kenya.md").read_text(encoding="utf-8")
    assert "iso3: KEN" in text and "title: Kenya" in text and "# one of the ids in tipkb/data/regions.yml" in text
    assert check(docs)[1] == []


def test_new_page_lists_what_remains_to_fill(tmp_path):
    docs = copy_fixture("basic", tmp_path)
    result = _tipkb(docs, "new", "country", "Bosnia and Herzegovina")
    assert "iso3: BIH" in (docs / "countries" / "bosnia-and-herzegovina.md").read_text(encoding="utf-8")
    assert "unknown region ''" in result.stdout and "sources: must not be empty" in result.stdout


def test_new_pages_of_every_kind(tmp_path):
    docs = copy_fixture("basic", tmp_path)
    for kind, name in (("practice", "Witness protection"), ("statute", "Model law")):
        assert _tipkb(docs, "new", kind, name, "--sources", "state-dedicated-prosecution-units").returncode == 0
    assert check(docs)[1] == []
    assert "[¶ 15](../sources/state-dedicated-prosecution-units.md#p15)" in (docs / "practices" / "witness-protection.md").read_text(encoding="utf-8")
    result = _tipkb(docs, "new", "source", "Annual report")
    # The new source's text file waits for the document: the check asks for its paragraphs.
    assert "sources/annual-report.txt: the source text has no numbered paragraph" in result.stdout
    assert [p.file for p in check(docs)[1]] == ["sources/annual-report.txt"]
    assert _tipkb(docs, "new", "practice", "Witness protection").returncode == 2  # exists already


def test_committed_schemas_match_the_models():
    for kind, name in NAMES.items():
        committed = json.loads((ROOT / "schemas" / f"{name}.schema.json").read_text(encoding="utf-8"))
        assert committed == schema(kind), f"run 'make schemas' to regenerate schemas/{name}.schema.json"
    country = schema("countries")
    assert "central-america" in country["properties"]["region"]["enum"]
    assert country["additionalProperties"] is False and "last_reviewed" in country["required"]


def test_external_links_are_listed(basic_build):
    links = json.loads((basic_build.site / "data" / "external-links.json").read_text(encoding="utf-8"))
    assert links == [{"url": "https://www.state.gov/", "pages": ["sources/state-dedicated-prosecution-units.md"]}]
