"""The real docs tree: it checks clean, builds in strict mode without a warning,
and holds the pages the knowledge base promises."""

from __future__ import annotations

import functools
import http.server
import os
import threading

import pytest

from conftest import ROOT, build
from tipkb import check
from tipkb.citations import coverage

COUNTRIES = """afghanistan albania the-bahamas bangladesh barbados bosnia-and-herzegovina botswana burundi colombia
costa-rica el-salvador guatemala haiti honduras indonesia kosovo liberia malawi maldives marshall-islands mexico
micronesia morocco namibia nepal north-macedonia palau papua-new-guinea peru philippines republic-of-the-congo
saint-lucia serbia seychelles thailand tunisia united-states zimbabwe""".split()
HALLMARKS = """dedicated-expert-personnel anti-trafficking-partnerships comprehensive-training-programs
victim-centered-approach internal-and-transnational-cases nationwide-coverage case-efficiency""".split()
STATUTES = """palermo-protocol 8-usc-1324 18-usc-1581-1595 18-usc-2251-2251a 18-usc-2422-2423 pl-117-263
haiti-anti-trafficking-law papua-new-guinea-anti-trafficking-law seychelles-anti-trafficking-law
maldives-anti-trafficking-law botswana-anti-trafficking-bill morocco-anti-trafficking-bill namibia-anti-trafficking-bill
tunisia-anti-trafficking-bill burundi-anti-trafficking-bill republic-of-the-congo-anti-trafficking-bill""".split()


@pytest.fixture(scope="module")
def site():
    site, problems = check(ROOT / "docs", "http://127.0.0.1:8000/")
    assert problems == []
    return site


@pytest.fixture(scope="module")
def real_build(tmp_path_factory):
    return build(ROOT / "docs", tmp_path_factory.mktemp("real"))


def test_real_site_builds_strict_without_warnings(real_build):
    result = real_build
    assert result.returncode == 0, result.output
    # Warnings abort a strict build, so the exit status above covers them, as long as nothing turned strict off.
    assert os.environ.get("KB_STRICT", "true") == "true" and "strict: !ENV [KB_STRICT, true]" in (ROOT / "mkdocs.yml").read_text()
    for lang in ("es", "fr", "ru", "zh", "hi", "ur"):
        assert (result.site / lang / "countries" / "guatemala" / "index.html").exists()
    assert (result.site / "data" / "countries.json").exists()


@pytest.mark.parametrize("country", COUNTRIES)
def test_every_country_has_a_cited_profile(site, country):
    page = site.page("countries", country)
    assert page is not None, f"docs/countries/{country}.md is missing"
    assert page.model.sources
    assert "](../sources/" in page.body, "the text cites no source page"


def test_every_source_is_cited_paragraph_by_paragraph(site):
    """At least 95 % of every source's paragraphs are cited (make check prints the figures)."""
    rows = coverage(site)
    assert sorted(row.source for row in rows) == sorted(doc.id for doc in site.pages("sources"))
    for row in rows:
        assert row.share >= 0.95, f"{row.source}: {row.count} of {row.total} paragraphs cited"


def test_every_hallmark_has_its_page(site):
    assert sorted(d.id for d in site.pages("practices") if d.model.hallmark) == sorted(HALLMARKS)


@pytest.mark.parametrize("statute", STATUTES)
def test_every_statute_has_its_page(site, statute):
    assert site.page("statutes", statute) is not None


def test_real_pages_run_under_their_policy_without_a_violation(real_build, browser):
    """The Content-Security-Policy on the real pages: reading, searching and hovering a citation, in
    English and Urdu, report no violation."""
    handler = functools.partial(_Quiet, directory=str(real_build.site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    context = browser.new_context()
    context.add_init_script("window.__v = []; document.addEventListener('securitypolicyviolation', e => window.__v.push(e.violatedDirective));")
    tab = context.new_page()
    try:
        for path in ("countries/guatemala/", "ur/countries/guatemala/", "sources/crs-if12539-2023/", "zh/practices/"):
            tab.goto(base + path)
            tab.wait_for_load_state("networkidle")
            if "countries" in path:
                tab.hover("a.footnote-ref")
                assert "Quetzaltenango" in tab.locator(".md-tooltip2--active").inner_text()
            assert tab.evaluate("window.__v") == [], path
        tab.fill("input.md-search__input", "Quetzaltenango")
        tab.keyboard.press("End")
        tab.locator(".md-search-result__item").first.wait_for()
        assert tab.evaluate("window.__v") == []
    finally:
        context.close()
        server.shutdown()


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass
