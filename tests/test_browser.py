"""The built site in real Chromium: language switching, right-to-left, notices."""

from __future__ import annotations


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
