"""The built site in real Chromium: language switching, right-to-left, notices."""

from __future__ import annotations

import pytest


def test_language_switcher_keeps_the_page(page, serve_basic):
    page.goto(serve_basic + "countries/guatemala/")
    page.hover(".md-header__option [aria-label]")  # the language button opens its menu on hover
    page.click("a.md-select__link[hreflang='es']")
    page.wait_for_url("**/es/countries/guatemala/")
    assert page.locator("article h1").inner_text() == "Guatemala"
    assert page.locator("html").get_attribute("lang") == "es"
    page.hover(".md-header__option [aria-label]")
    page.click("a.md-select__link[hreflang='ur']")
    page.wait_for_url("**/ur/countries/guatemala/")


def test_urdu_page_is_laid_out_right_to_left(page, serve_basic):
    page.goto(serve_basic + "ur/countries/thailand/")
    assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
    article = page.locator("article").bounding_box()
    sidebar = page.locator(".md-sidebar--secondary").bounding_box()
    assert sidebar["x"] < article["x"], "in right-to-left the table of contents sits on the left"
    title = page.locator(".kb-facts__title")
    assert title.inner_text() == "ایک نظر میں"
    facts = page.locator(".kb-facts").bounding_box()
    text = title.bounding_box()
    assert text["x"] + text["width"] > facts["x"] + facts["width"] * 0.7, "the facts box title starts on the right"


def test_untranslated_notice_is_visible(page, serve_basic):
    page.goto(serve_basic + "hi/countries/guatemala/")
    notice = page.locator(".admonition.kb-untranslated")
    assert notice.is_visible()
    assert "अभी अनुवाद नहीं हुआ" in notice.inner_text()
    page.goto(serve_basic + "countries/guatemala/")
    assert page.locator(".admonition.kb-untranslated").count() == 0


def test_urdu_is_set_in_nastaliq_served_by_the_site(page, serve_basic):
    page.goto(serve_basic + "ur/countries/thailand/")
    page.evaluate("document.fonts.ready")
    loaded = page.evaluate("[...document.fonts].filter(f => f.status === 'loaded').map(f => f.family)")
    assert '"Noto Nastaliq Urdu"' in loaded or "Noto Nastaliq Urdu" in loaded
    assert "Nastaliq" in page.evaluate("getComputedStyle(document.querySelector('.md-typeset')).fontFamily")


def test_urdu_navigation_admonitions_and_search_are_mirrored(page, serve_basic):
    page.goto(serve_basic + "ur/countries/thailand/")
    tabs = page.locator(".md-tabs__item")
    first, last = tabs.first.bounding_box(), tabs.last.bounding_box()
    assert first["x"] > last["x"], "the first tab stands on the right"
    notice = page.locator(".admonition.kb-courtesy")
    title_box, notice_box = notice.locator(".admonition-title").bounding_box(), notice.bounding_box()
    assert page.evaluate("getComputedStyle(document.querySelector('.admonition.kb-courtesy')).direction") == "rtl"
    assert title_box["x"] + title_box["width"] > notice_box["x"] + notice_box["width"] - 5
    page.fill("input.md-search__input", "شعبہ")
    page.keyboard.press("End")
    result = page.locator(".md-search-result__item").first
    result.wait_for()
    assert page.evaluate("getComputedStyle(document.querySelector('.md-search-result__item')).direction") == "rtl"


def test_no_request_leaves_the_site_in_any_language(browser, serve_basic):
    context = browser.new_context()
    outside = []
    context.route("**/*", lambda route: (outside.append(route.request.url), route.abort())
                  if not route.request.url.startswith(serve_basic) else route.continue_())
    tab = context.new_page()
    for lang in ("", "es/", "fr/", "ru/", "zh/", "hi/", "ur/"):
        for path in ("", "countries/thailand/", "practices/"):
            tab.goto(serve_basic + lang + path)
            tab.wait_for_load_state("networkidle")
    context.close()
    assert outside == []


@pytest.mark.parametrize("paper", ["A4", "Letter"])
@pytest.mark.parametrize("path", ["countries/guatemala/", "ur/countries/thailand/"])
def test_country_profiles_print_cleanly(page, serve_basic, paper, path):
    page.goto(serve_basic + path)
    page.emulate_media(media="print")
    assert not page.locator(".md-header").is_visible() and not page.locator(".md-sidebar--primary").is_visible()
    assert page.locator(".kb-facts").is_visible()
    after = page.evaluate("getComputedStyle(document.querySelector('.kb-facts a[href]'), '::after').content")
    assert after.startswith('" <') and after.endswith('>"')
    if path.startswith("ur/"):
        assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
    pdf = page.pdf(format=paper)
    assert pdf.startswith(b"%PDF") and len(pdf) > 10_000
