"""Citations in Chromium: hovering a footnote shows the cited passage (English
original on translated pages), and its paragraph link lands on the source page,
which lists the pages citing that paragraph."""

from __future__ import annotations

import pytest

PASSAGE = "inaugurated a new regional office in April in Quetzaltenango"


def hover_citation(page) -> str:
    """Hover the page's first footnote reference; the tooltip's text."""
    page.hover("a.footnote-ref")
    tooltip = page.locator(".md-tooltip2--active .md-tooltip2__inner")
    tooltip.wait_for()
    return tooltip.inner_text()


@pytest.mark.parametrize("path, number, passage, label", [
    ("countries/guatemala/", 3, PASSAGE, None),
    ("ur/countries/thailand/", 4, "Thailand established the Department of Anti-Human Trafficking", "اصل انگریزی:"),
    ("es/countries/guatemala/", 3, PASSAGE, "Original en inglés:"),
])
def test_hovering_a_citation_shows_the_cited_paragraph(page, serve_basic, path, number, passage, label):
    page.goto(serve_basic + path)
    text = hover_citation(page)
    assert passage in text and f"¶\xa0{number}:" in text
    if label:
        assert label in text
        assert page.locator(".md-tooltip2--active p[lang='en'][dir='ltr']").count() == 1


def test_a_citation_leads_to_its_paragraph_which_lists_the_pages_citing_it(page, serve_basic):
    page.goto(serve_basic + "countries/guatemala/")
    page.click("a.footnote-ref")
    page.click(".footnote a[href$='#p3']")
    page.wait_for_url("**/sources/state-dedicated-prosecution-units/#p3")
    paragraph = page.locator("#p3")
    assert paragraph.is_visible() and PASSAGE in paragraph.inner_text()
    assert page.evaluate("document.querySelector(':target').id") == "p3"
    box = paragraph.bounding_box()
    assert 0 <= box["y"] < page.viewport_size["height"], "the paragraph is scrolled into view"
    assert paragraph.locator(".kb-para__cited a", has_text="Guatemala").count() == 1
    assert page.locator("#p5.kb-para--uncited").is_visible()
