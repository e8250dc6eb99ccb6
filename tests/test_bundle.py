"""Offline bundles of the fixture site, opened from file:// in Chromium with every
non-file request aborted and counted."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile

import pytest

from conftest import ROOT, copy_fixture, site_config
from test_citations_browser import hover_citation
from test_search import ANSWERED

LANGS = ["en", "es", "fr", "ru", "zh", "hi", "ur"]


@pytest.fixture(scope="module")
def bundles(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("bundle")
    config = site_config(copy_fixture("basic", tmp), tmp / "site")
    result = subprocess.run([sys.executable, str(ROOT / "tools" / "bundle.py"), "--config", str(config), "--dist", str(tmp / "dist")],
                            capture_output=True, text=True, env={"SOURCE_DATE_EPOCH": "1763856000", "PATH": "/usr/bin:/bin"})
    assert result.returncode == 0, result.stdout + result.stderr
    zips = {path.stem.rsplit("-", 1)[1]: path for path in (tmp / "dist").glob("*.zip")}
    unzipped = tmp / "unzipped"
    with zipfile.ZipFile(zips["all"]) as archive:
        archive.extractall(unzipped)
    return zips, next(unzipped.iterdir())


@pytest.fixture(scope="module")
def offline_context(browser):
    context = browser.new_context()
    context.outside = []
    context.route("**/*", lambda route: (context.outside.append(route.request.url), route.abort())
                  if not route.request.url.startswith("file://") else route.continue_())
    yield context
    context.close()


def test_one_zip_for_all_and_one_per_language_named_by_version_and_date(bundles):
    zips, root = bundles
    assert sorted(zips) == sorted(LANGS + ["all"])
    assert zips["all"].name == "tip-kb-unversioned-2025-11-23-all.zip"
    manifest = json.loads((root / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["languages"] == LANGS and manifest["build_date"] == "2025-11-23"
    assert manifest["pages"]["en"] == manifest["pages"]["ur"] == 13
    start = (root / "START-HERE.html").read_text(encoding="utf-8")
    assert 'href="ur/index.html"' in start and "اس آف لائن نسخے کو کیسے استعمال کریں" in start


def test_every_page_loads_offline_without_errors_or_outside_requests(bundles, offline_context):
    _, root = bundles
    page = offline_context.new_page()
    errors = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.on("pageerror", lambda error: errors.append(str(error)))
    pages = sorted(root.rglob("*.html"))
    assert len(pages) == 7 * 13 + 1  # every language's pages, and START-HERE
    for path in pages:
        page.goto(path.as_uri())
    page.close()
    assert errors == [] and offline_context.outside == []


@pytest.mark.parametrize("lang, query, expected", [
    ("en", "Quetzaltenango", "countries/guatemala.html"),
    ("es", "Quetzaltenango", "es/countries/guatemala.html"),
    ("zh", "起诉单位", "zh/countries/thailand.html"),
    ("ur", "شعبہ", "ur/countries/thailand.html"),
])
def test_search_works_offline(bundles, offline_context, lang, query, expected):
    _, root = bundles
    page = offline_context.new_page()
    page.goto((root / ("index.html" if lang == "en" else f"{lang}/index.html")).as_uri())
    page.fill("input.md-search__input", query)
    page.keyboard.press("End")
    page.wait_for_function(ANSWERED)
    hrefs = page.eval_on_selector_all(".md-search-result__item > a", "links => links.map(a => a.href.split('?')[0])")
    assert (root / expected).as_uri() in hrefs
    page.close()
    assert offline_context.outside == []


def test_language_switcher_and_tooltips_offline(bundles, offline_context):
    _, root = bundles
    page = offline_context.new_page()
    page.goto((root / "countries" / "guatemala.html").as_uri())
    assert page.locator("abbr[title]").count() > 0
    page.hover(".md-header__option [aria-label]")
    page.click("a.md-select__link[hreflang='zh']")
    page.wait_for_url((root / "zh" / "countries" / "guatemala.html").as_uri())
    assert page.locator(".kb-facts").is_visible()
    page.close()


def test_hovering_a_citation_shows_its_passage_offline(bundles, offline_context):
    _, root = bundles
    for path, passage in (("countries/guatemala.html", "inaugurated a new regional office in April"), ("ur/countries/thailand.html", "Thailand established")):
        page = offline_context.new_page()
        page.goto((root / path).as_uri())
        assert passage in hover_citation(page)
        page.close()
    assert offline_context.outside == []


def test_bundles_run_under_their_policy_and_block_outside_scripts(bundles, offline_context):
    """From file://, the iframe-worker shim writes an inline script naming the worker's absolute
    address, so the bundles allow inline scripts; scripts from elsewhere stay blocked."""
    _, root = bundles
    path = root / "countries" / "guatemala.html"
    html = path.read_text(encoding="utf-8")
    assert "<meta http-equiv=\"Content-Security-Policy\" content=\"script-src 'self' 'unsafe-inline'; object-src 'none'" in html
    planted = root / "countries" / "planted.html"
    planted.write_text(html.replace("</body>", '<script src="http://127.0.0.2:9/planted.js"></script></body>'), encoding="utf-8")
    page = offline_context.new_page()
    violations = []
    page.on("console", lambda message: "Content Security Policy" in message.text and violations.append(message.text))
    page.goto(planted.as_uri())
    page.wait_for_load_state("load")
    planted.unlink()
    assert any("127.0.0.2" in text for text in violations), violations
    page.close()


def test_checksums_verify_and_tampering_is_detected(bundles):
    zips, root = bundles
    verify = lambda target: subprocess.run([sys.executable, str(ROOT / "tools" / "bundle.py"), "--verify", str(target)],
                                           capture_output=True, text=True, cwd=ROOT)
    assert verify(zips["es"]).returncode == 0
    assert verify(root).returncode == 0
    (root / "es" / "index.html").write_text("tampered", encoding="utf-8")
    result = verify(root)
    assert result.returncode == 1 and "es/index.html: checksum differs" in result.stdout
