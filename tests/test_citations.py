"""Pinpoint citations: the one parse of each body, the source texts, what the
checks accept and refuse, coverage, and what a built page shows a reader."""

from __future__ import annotations

import json
import subprocess
import sys

from conftest import FIXTURES, ROOT, copy_fixture
from tipkb import check
from tipkb.body import parse
from tipkb.citations import coverage, exceptions
from tipkb.sourcetext import parse as parse_text

BODY = """## Overview {#overview}

The office "opened in April" in the city.[^dpu-3] See [Thailand](thailand.md#overview).

<!-- uncited: a reading guide -->
- [Thailand](thailand.md)
- Unmarked item with a `code` span.

[^dpu-3]: Fact sheet, [¶ 3](../sources/x.md#p3),
    [¶ 4](../sources/x.md#p4).
"""


def test_one_parse_gives_links_anchors_footnotes_and_blocks_with_lines():
    body = parse(BODY, 10)
    assert body.anchors == frozenset({"overview"})
    assert [(link.line, link.target, link.footnote) for link in body.links] == [
        (12, "thailand.md#overview", None), (15, "thailand.md", None),
        (18, "../sources/x.md#p3", "dpu-3"), (19, "../sources/x.md#p4", "dpu-3")]
    footnote = body.footnotes["dpu-3"]
    assert (footnote.line, footnote.end) == (18, 20)
    paragraph, linked_item, plain_item = body.blocks
    assert paragraph.line == 12 and [label for _, label in paragraph.refs] == ["dpu-3"]
    assert [quote.text for quote in paragraph.quotes] == ["opened in April"]
    assert linked_item.link_only and linked_item.uncited == "a reading guide"
    assert not plain_item.link_only and plain_item.uncited is None and "code" in plain_item.text


def test_the_parse_cache_is_bounded():
    assert parse.cache_info().maxsize == 4096


def test_source_text_blocks_and_numbers():
    text, problems = parse_text("Preamble.\n\n¶ heading\nTitle\n\n¶ 1\nOne\nline.\n\n¶ furniture\nMenu\n\n¶ 2a\nLater.\n", "x", "sources/x.txt")
    assert problems == []
    assert [(b.kind, b.number, b.line, b.text) for b in text.blocks] == [
        ("heading", None, 3, "Title"), ("paragraph", "1", 6, "One line."), ("furniture", None, 10, "Menu"), ("paragraph", "2a", 13, "Later.")]
    assert list(text.paragraphs) == ["1", "2a"]


def test_source_text_mistakes():
    _, problems = parse_text("¶ one\nText\n\n¶ 1\n\n¶ 01\nText\n", "x", "sources/x.txt")
    assert [(p.line, p.message) for p in problems] == [
        (1, "'¶ one' names no paragraph"), (4, "¶ 1 has no text"), (6, "'¶ 01' names no paragraph")]


def test_a_source_page_needs_its_text_and_a_text_its_page(tmp_path):
    docs = copy_fixture("basic", tmp_path)
    (docs / "sources" / "state-dedicated-prosecution-units.txt").rename(docs / "sources" / "orphan.txt")
    problems = [str(p) for p in check(docs)[1]]
    assert problems == [
        "sources/orphan.txt: there is no source page docs/sources/orphan.md for this text"
        " (create the source page, or name the text after an existing source page)",
        "sources/state-dedicated-prosecution-units.md: the source has no text: docs/sources/state-dedicated-prosecution-units.txt"
        " is missing (add the document's text in numbered paragraphs (see CONTRIBUTING.md, 'Sources'))",
    ]


def test_an_exact_quotation_passes_whatever_its_quote_marks_case_and_spaces(tmp_path):
    docs = copy_fixture("basic", tmp_path)
    path = docs / "countries" / "thailand.md"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "Thailand set up a trafficking department", "Thailand “Established  the Department of\nAnti-Human Trafficking”"), encoding="utf-8")
    assert check(docs)[1] == []


def test_exceptions_are_listed(tmp_path):
    docs = copy_fixture("basic", tmp_path)
    path = docs / "countries" / "thailand.md"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "\n[^dpu-4]:", "\n<!-- uncited: states no fact -->\nSee the practices below.\n\n[^dpu-4]:"), encoding="utf-8")
    site, problems = check(docs)
    assert problems == []
    assert [(e.file, e.line, e.reason) for e in exceptions(site)] == [("countries/thailand.md", 22, "states no fact")]
    listed = subprocess.run([sys.executable, "-m", "tipkb", "check", str(docs), "--exceptions"], capture_output=True, text=True, cwd=ROOT)
    assert listed.returncode == 0 and "countries/thailand.md:22: states no fact" in listed.stdout


def test_coverage_counts_the_paragraphs_english_pages_cite():
    site, _ = check(FIXTURES / "basic" / "docs")
    [row] = coverage(site)
    assert (row.source, row.count, row.total) == ("state-dedicated-prosecution-units", 4, 5)
    assert row.cited["3"] == ["countries/guatemala.md"] and row.cited["5"] == []
    checked = subprocess.run([sys.executable, "-m", "tipkb", "check", str(FIXTURES / "basic" / "docs")], capture_output=True, text=True, cwd=ROOT)
    assert "sources: 4 of 5 paragraphs cited (80%)" in checked.stdout
    assert "state-dedicated-prosecution-units: 4 of 5 paragraphs cited (80%)" in checked.stdout


def test_make_build_prints_coverage(basic_build):
    assert "sources: 4 of 5 paragraphs cited (80%)" in basic_build.output


def test_source_page_shows_numbered_paragraphs_with_the_pages_citing_them(basic_build):
    html = basic_build.html("sources/state-dedicated-prosecution-units/index.html")
    start = html.index('id="p3"')
    paragraph = html[start:html.index('id="p4"')]
    assert "inaugurated a new regional office in April in Quetzaltenango" in paragraph
    assert 'href="#p3"' in paragraph and "¶ 3" in paragraph
    assert 'Cited by: <a href="../../countries/guatemala/">Guatemala</a>' in paragraph
    uncited = html[html.index('id="p5"') - 40:]
    assert "kb-para--uncited" in uncited[:80] and "Not cited by any page yet" in uncited
    assert "Page furniture" in html and "Email Updates" in html
    assert html.count('class="kb-para__text" dir="ltr" lang="en"') == 7  # 5 paragraphs and 2 pieces of furniture


def test_translated_source_page_keeps_the_english_text_marked_as_such(basic_build):
    html = basic_build.html("ur/sources/state-dedicated-prosecution-units/index.html")
    assert '<div class="kb-para__text" dir="ltr" lang="en">' in html
    assert "اصل انگریزی میں ہے" in html and "ان صفحات میں حوالہ:" in html


def test_footnote_carries_the_cited_passage(basic_build):
    html = basic_build.html("countries/guatemala/index.html")
    footnotes = html[html.index('<div class="footnote">'):]
    assert "¶&nbsp;3: » In Guatemala, the Attorney General’s Office" in footnotes
    assert '<a href="../../sources/state-dedicated-prosecution-units/#p3">¶ 3</a>' in footnotes
    urdu = basic_build.html("ur/countries/thailand/index.html")
    urdu_notes = urdu[urdu.index('<div class="footnote">'):]
    assert ('<blockquote class="kb-passage" data-search-exclude><p><em>اصل انگریزی:</em></p>'
            '<p lang="en" dir="ltr">¶&nbsp;4: » Thailand established') in urdu_notes


def test_coverage_is_exported_and_shown_on_the_sources_index(basic_build):
    data = json.loads((basic_build.site / "data" / "source-coverage.json").read_text(encoding="utf-8"))
    assert data[0]["source"] == "state-dedicated-prosecution-units" and (data[0]["cited"], data[0]["paragraphs"]) == (4, 5)
    assert data[0]["by_paragraph"][2] == {"paragraph": "3", "anchor": "p3", "cited_by": ["countries/guatemala/"]}
    index = basic_build.html("sources/index.html")
    assert "Paragraphs cited" in index and "80%" in index
    assert "Párrafos citados" in basic_build.html("es/sources/index.html")


def test_source_texts_are_not_published_as_files(basic_build):
    assert not list(basic_build.site.rglob("*.txt"))


def test_passages_are_searched_once_on_the_english_source_page(basic_build):
    phrase = "inaugurated a new regional office"
    english = json.loads((basic_build.site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert [doc["location"].split("#")[0] for doc in english["docs"] if phrase in doc["text"]] == ["sources/state-dedicated-prosecution-units/"]
    spanish = json.loads((basic_build.site / "es" / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert not [doc["location"] for doc in spanish["docs"] if phrase in doc["text"]]
    assert any("Quetzaltenango" in doc["text"] for doc in spanish["docs"])  # the Spanish page's own text stays searchable


def test_caret_brackets_are_text_as_python_markdown_renders_them():
    """Found by the fuzzer: markdown-it's inline footnotes ('^[...]') gave a reference without a label."""
    body = parse("Text ^[^a] and ^[an inline note].\n\n[^a]: Note.\n")
    assert body.references == ((1, "a"),) and "^[an inline note]" in body.blocks[0].text
