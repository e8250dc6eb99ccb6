"""The Content-Security-Policy in Chromium: the site's pages run under it without
a violation (search, language selector, tooltips), and scripts planted into a
page, inline or from another origin, are blocked."""

from __future__ import annotations

import urllib.request

import pytest

LISTEN = ("window.__violations = []; document.addEventListener('securitypolicyviolation',"
          " e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));")
OUTSIDE = "http://127.0.0.2:9/planted.js"  # another origin; never contacted: the policy blocks it first


@pytest.fixture
def watched(browser):
    context = browser.new_context()
    context.add_init_script(LISTEN)
    tab = context.new_page()
    yield tab
    context.close()


def test_every_page_carries_the_policy(basic_build):
    html = basic_build.html("countries/guatemala/index.html")
    head = html[html.index("<head>"):html.index("<script")]
    assert '<meta http-equiv="Content-Security-Policy" content="script-src \'self\' \'sha256-' in head
    for directive in ("object-src 'none'", "base-uri 'none'", "form-action 'none'", "frame-src 'self'"):
        assert directive in head
    assert "unsafe-inline" not in html
    assert all('http-equiv="Content-Security-Policy"' in path.read_text(encoding="utf-8")
               for path in basic_build.site.rglob("*.html"))


def test_no_violation_while_reading_searching_switching_and_hovering(watched, serve_basic):
    for path in ("countries/guatemala/", "ur/countries/thailand/", "zh/countries/thailand/", "sources/state-dedicated-prosecution-units/",
                 "practices/", "es/"):
        watched.goto(serve_basic + path)
        watched.wait_for_load_state("networkidle")
        assert watched.evaluate("window.__violations") == [], path
    watched.goto(serve_basic + "countries/guatemala/")
    watched.fill("input.md-search__input", "Quetzaltenango")
    watched.keyboard.press("End")
    watched.locator(".md-search-result__item").first.wait_for()
    watched.keyboard.press("Escape")
    watched.hover("a.footnote-ref")
    watched.locator(".md-tooltip2--active").wait_for()
    watched.hover(".md-header__option [aria-label]")
    watched.click("a.md-select__link[hreflang='ur']")
    watched.wait_for_url("**/ur/countries/guatemala/")
    assert watched.evaluate("window.__violations") == []


def test_planted_inline_and_outside_scripts_are_blocked(watched, serve_basic):
    url = serve_basic + "countries/guatemala/"
    original = urllib.request.urlopen(url).read().decode("utf-8")
    planted = original.replace("</body>", f'<script>window.__planted = "inline"</script><script src="{OUTSIDE}"></script></body>')
    watched.route(url, lambda route: route.fulfill(status=200, content_type="text/html", body=planted))
    watched.goto(url)
    watched.wait_for_load_state("networkidle")
    assert watched.evaluate("window.__planted") is None
    violations = watched.evaluate("window.__violations")
    assert "script-src-elem inline" in violations and f"script-src-elem {OUTSIDE}" in violations, violations
