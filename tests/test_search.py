"""Search in Chromium, scoped to the reader's language, for every language."""

from __future__ import annotations

import json

import pytest

from tipkb import LANGUAGES


def search(page, base: str, lang: str, query: str) -> list[tuple[str, str]]:
    """(title, link) of each result for `query` typed on the `lang` home page."""
    page.goto(base + ("" if lang == "en" else f"{lang}/"))
    page.fill("input.md-search__input", query)
    page.keyboard.press("End")  # Material reads the query on key events
    page.wait_for_function(ANSWERED)
    items = page.locator(".md-search-result__item > a.md-search-result__link")
    return [(items.nth(i).locator("h1, h2").first.inner_text(), items.nth(i).get_attribute("href")) for i in range(items.count())]


# Results are listed, or Material says (in the page's language) that there are none.
ANSWERED = """() => {
  const none = JSON.parse(document.getElementById("__config").textContent).translations["search.result.none"];
  return document.querySelectorAll(".md-search-result__item").length > 0
    || document.querySelector(".md-search-result__meta").textContent.trim() === none;
}"""

CASES = [
    # language, query, expected page, words of the expected title
    ("en", "Quetzaltenango", "countries/guatemala/", "Guatemala"),
    ("es", "Quetzaltenango", "es/countries/guatemala/", "Guatemala"),
    ("es", "oficinas", "es/countries/guatemala/", "Guatemala"),  # stemmed: oficina
    ("fr", "départements", "fr/countries/thailand/", "Thaïlande"),  # stemmed: département
    ("ru", "департаменты", "ru/countries/thailand/", "Таиланд"),  # stemmed: департамент
    ("zh", "起诉单位", "zh/countries/thailand/", "泰国"),  # two words typed together
    ("hi", "विभाग", "hi/countries/thailand/", "थाईलैंड"),
    ("ur", "شعبہ", "ur/countries/thailand/", "تھائی لینڈ"),
]


@pytest.mark.parametrize("lang, query, expected, title", CASES, ids=[f"{c[0]}-{c[1]}" for c in CASES])
def test_query_finds_the_page_in_the_reader_language_only(page, serve_basic, lang, query, expected, title):
    results = search(page, serve_basic, lang, query)
    paths = [page.evaluate("href => new URL(href, location.href).pathname", href) for _, href in results]
    assert "/" + expected in paths, results
    assert any(title in result_title for result_title, _ in results), results
    prefixes = {code.code for code in LANGUAGES} - {"en"}
    for resolved in paths:
        first = resolved.strip("/").split("/")[0]
        if lang == "en":
            assert first not in prefixes, f"{resolved} is not English"
        else:
            assert first == lang, f"{resolved} is not in {lang}"


def test_english_fallback_pages_are_marked_in_results(page, serve_basic):
    results = search(page, serve_basic, "es", "Thailand")
    assert any(title.startswith("Thailand (en inglés)") for title, _ in results), results


def test_each_language_has_its_own_index(basic_build):
    sizes = {}
    for lang in LANGUAGES:
        prefix = basic_build.site if lang.code == "en" else basic_build.site / lang.code
        index = json.loads((prefix / "search" / "search_index.json").read_text(encoding="utf-8"))
        sizes[lang.code] = len(index["docs"])
        assert index["config"]["lang"] == [lang.code if lang.code not in ("zh", "ur") else "en"]
    assert all(sizes.values()), sizes
    assert json.loads((basic_build.site / "ru" / "search" / "search_index.json").read_text())["config"]["pipeline"] == [
        "stemmer", "stopWordFilter", "trimmer"]
