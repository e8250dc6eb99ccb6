"""Property-based: whatever an editor (or an attacker) writes into a page, the
checker returns problems or none. It never raises and never takes a second
over a document. Hypothesis generates front matter (YAML scalars of every type,
nesting, unicode, long lines, deep structures, broken YAML) and Markdown bodies
(footnotes, citations, links, quotations, raw HTML, attribute lists)."""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import FIXTURES
from tipkb import check

FIELDS = ["title", "iso3", "region", "units", "practices", "statutes", "related", "sources", "last_reviewed",
          "hallmark", "citation", "jurisdiction", "subjects", "publisher", "date", "covers", "english_version", "hide"]
SCALARS = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), st.text(max_size=40),
                    st.dates(), st.sampled_from(["GTM", "central-america", "guatemala", "thailand", "2026-11-23", "~", "!!", "*a"]))
VALUES = st.recursive(SCALARS, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                       st.dictionaries(st.sampled_from(FIELDS + ["name", "parent"]), inner, max_size=4)),
                      max_leaves=30)
MATTER = st.one_of(
    st.dictionaries(st.one_of(st.sampled_from(FIELDS), st.text(max_size=10)), VALUES, max_size=10).map(
        lambda data: yaml.safe_dump(data, allow_unicode=True, width=10_000)),
    st.text(max_size=300),  # anything at all, usually not YAML
    st.lists(st.sampled_from(["title: A", "title: B", "units:", "  - name: x", "\tparent: y", "sources: [", "key: 'open",
                              "&a [1]", "*a", "? x", "- list", "title: " + "x" * 5000]), max_size=8).map("\n".join),
)
FRAGMENTS = ["[^dpu-3]", "[^dpu-3]: [¶ 3](../sources/state-dedicated-prosecution-units.md#p3)", "[^x]: note",
             "[¶ 99](../sources/state-dedicated-prosecution-units.md#p99)", "[link](thailand.md#overview)", "[a](../../x.md)",
             "\"quoted words\"", "“curly”", "<!-- uncited: why -->", "<!-- kb:country-directory -->", "<script>x</script>",
             "<span onclick=x>", "{onclick=x}", "{: #id }", "## Heading {#overview}", "- item", "    indented", "```", "> quote",
             "| a | b |\n|---|---|", "![img](map.png)", "[ref]: http://example.org", "javascript:alert(1)", "\u202e", "\x00",
             "ا", "中文", "हिन्दी", "*" * 50, "[" * 30, "]" * 30]
BODY = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=80)), max_size=40).map(
    lambda parts: "".join(part + sep for part, sep in zip(parts, ["\n", " ", "\n\n", ""] * 10)))
PAGES = ["countries/guatemala.md", "countries/guatemala.es.md", "practices/nationwide-coverage.md", "sources/state-dedicated-prosecution-units.md"]


# Derandomized, so that make test runs the same examples every time; explore further with
# pytest tests/test_fuzz.py --hypothesis-seed=random (and FUZZ_EXAMPLES=5000).
EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "150"))


@settings(max_examples=EXAMPLES, deadline=None, derandomize="FUZZ_EXAMPLES" not in os.environ,
          suppress_health_check=[HealthCheck.too_slow])
@given(page=st.sampled_from(PAGES), matter=MATTER, body=BODY, fenced=st.booleans())
def test_the_checker_never_raises_and_never_lingers(page, matter, body, fenced):
    with tempfile.TemporaryDirectory() as tmp:
        docs = Path(tmp) / "docs"
        shutil.copytree(FIXTURES / "basic" / "docs", docs)
        text = f"---\n{matter}\n---\n{body}" if fenced else matter + "\n" + body
        (docs / page).write_text(text, encoding="utf-8", errors="surrogatepass")
        started = time.monotonic()
        site, problems = check(docs)
        assert time.monotonic() - started < 1.0
        assert isinstance(problems, list) and site is not None
        assert all(problem.file and problem.message for problem in problems)


@settings(max_examples=EXAMPLES // 2, deadline=None, derandomize="FUZZ_EXAMPLES" not in os.environ)
@given(text=st.text(max_size=400), numbers=st.lists(st.text(max_size=6), max_size=6))
def test_source_texts_never_crash_the_checker(text, numbers):
    with tempfile.TemporaryDirectory() as tmp:
        docs = Path(tmp) / "docs"
        shutil.copytree(FIXTURES / "basic" / "docs", docs)
        blocks = "\n\n".join(f"¶ {number}\n{text}" for number in numbers)
        (docs / "sources" / "state-dedicated-prosecution-units.txt").write_text(blocks + text, encoding="utf-8", errors="surrogatepass")
        site, problems = check(docs)
        assert isinstance(problems, list)
