"""Each kind of content mistake gives one clear problem naming file, line and field."""

from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import ROOT, build, copy_fixture
from tipkb import check

GUATEMALA = "countries/guatemala.md"


def _edit(docs, rel, old, new):
    path = docs / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {rel}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


# (id, file, old text, new text, expected file, line, field, words in the message or hint)
CASES = [
    ("unknown-practice", GUATEMALA, "practices: [nationwide-coverage]", "practices: [nationwide-coverge]",
     GUATEMALA, 9, "practices[0]", ["unknown practice 'nationwide-coverge'", "did you mean 'nationwide-coverage'?"]),
    ("unknown-statute", GUATEMALA, "statutes: [palermo-protocol]", "statutes: [palermo]",
     GUATEMALA, 10, "statutes[0]", ["unknown statute 'palermo'"]),
    ("unknown-related", GUATEMALA, "related: [thailand]", "related: [thailande]",
     GUATEMALA, 11, "related[0]", ["unknown country 'thailande'", "did you mean 'thailand'?"]),
    ("unknown-source", GUATEMALA, "sources: [state-dedicated-prosecution-units]", "sources: [state-dedicated-units]",
     GUATEMALA, 12, "sources[0]", ["unknown source", "state-dedicated-prosecution-units"]),
    ("missing-required", GUATEMALA, "region: central-america\n", "",
     GUATEMALA, None, "region", ["required field is missing", "add 'region:'"]),
    ("malformed-date", GUATEMALA, "last_reviewed: 2026-11-23", "last_reviewed: 23/11/2026",
     GUATEMALA, 13, "last_reviewed", ["is not a date", "YYYY-MM-DD"]),
    ("future-date", GUATEMALA, "last_reviewed: 2026-11-23", "last_reviewed: 2999-01-01",
     GUATEMALA, 13, "last_reviewed", ["in the future"]),
    ("unknown-field", GUATEMALA, "practices:", "pratices: []\npractices:",
     GUATEMALA, 9, "pratices", ["unknown field", "did you mean 'practices'?"]),
    ("wrong-type", GUATEMALA, "practices: [nationwide-coverage]", "practices: nationwide-coverage",
     GUATEMALA, 9, "practices", ["should be a list"]),
    ("unknown-region", GUATEMALA, "region: central-america", "region: centrl-america",
     GUATEMALA, 4, "region", ["unknown region 'centrl-america'", "did you mean 'central-america'?"]),
    ("iso-not-a-code", GUATEMALA, "iso3: GTM", "iso3: GTX",
     GUATEMALA, 3, "iso3", ["not an ISO 3166-1 alpha-3"]),
    ("iso-wrong-country", GUATEMALA, "iso3: GTM", "iso3: THA",
     GUATEMALA, None, "iso3", ["THA is Thailand", "the code for 'guatemala' is GTM"]),
    ("unit-missing-name", GUATEMALA, "  - name: Anti-trafficking prosecutor's office\n    parent", "  - parent",
     GUATEMALA, 6, "units[0].name", ["required field is missing"]),
    ("bad-id-format", GUATEMALA, "related: [thailand]", "related: [Thailand]",
     GUATEMALA, 11, "related[0]", ["'Thailand' is not a page id"]),
    ("statute-jurisdiction", "statutes/palermo-protocol.md", "jurisdiction: international", "jurisdiction: atlantis",
     "statutes/palermo-protocol.md", 4, "jurisdiction", ["unknown country 'atlantis'"]),
    ("statute-subject", "statutes/palermo-protocol.md", "subjects: [trafficking]", "subjects: [trafficing]",
     "statutes/palermo-protocol.md", 5, "subjects", ["unknown subject 'trafficing'", "did you mean 'trafficking'?"]),
    ("practice-hallmark-type", "practices/nationwide-coverage.md", "hallmark: true", "hallmark: maybe",
     "practices/nationwide-coverage.md", 3, "hallmark", ["should be true or false"]),
    ("translation-contradicts", "countries/guatemala.es.md", "title: Guatemala", "title: Guatemala\niso3: MEX",
     "countries/guatemala.es.md", 3, "iso3", ["contradicts the English page"]),
    ("translation-repeats", "countries/guatemala.es.md", "title: Guatemala", "title: Guatemala\niso3: GTM",
     "countries/guatemala.es.md", 3, "iso3", ["inherited from the English page"]),
    ("broken-link", GUATEMALA, "(thailand.md#overview)", "(thailandia.md)",
     GUATEMALA, 19, None, ["broken link 'thailandia.md'", "countries/thailand.md"]),
    ("missing-anchor", GUATEMALA, "(thailand.md#overview)", "(thailand.md#history)",
     GUATEMALA, 19, None, ["no heading '#history'"]),
    ("anchor-lost-in-translation", "countries/thailand.ur.md", "## جائزہ {#overview}", "## جائزہ",
     GUATEMALA, 19, None, ["countries/thailand.ur.md", "{#overview}"]),
    ("link-leaves-docs", GUATEMALA, "(thailand.md#overview)", "(../../README.md)",
     GUATEMALA, 19, None, ["leaves docs/"]),
    ("link-own-host", GUATEMALA, "(thailand.md#overview)", "(http://127.0.0.1:8000/countries/thailand/)",
     GUATEMALA, 19, None, ["own host"]),
    ("missing-image", GUATEMALA, "See [Thailand]", "![map](map.png) See [Thailand]",
     GUATEMALA, 19, None, ["no file countries/map.png"]),
    ("unknown-placeholder", "countries/index.md", "<!-- kb:country-directory -->", "<!-- kb:country-directry -->",
     "countries/index.md", 5, None, ["unknown placeholder", "did you mean 'country-directory'?"]),
    ("yaml-syntax", GUATEMALA, "title: Guatemala", "title: [Guatemala",
     GUATEMALA, None, None, ["not valid YAML"]),
    ("yaml-tab", GUATEMALA, "    parent: Public", "\tparent: Public",
     GUATEMALA, None, None, ["not valid YAML", "tabs"]),
    ("duplicate-key", GUATEMALA, "title: Guatemala", "title: Guatemala\ntitle: Guatemala City",
     GUATEMALA, 3, "title", ["appears twice in the front matter (first on line 2)"]),
    # Citations: every fact traced to the paragraphs of a source.
    ("paragraph-not-in-source", GUATEMALA, "[¶ 3](../sources/state-dedicated-prosecution-units.md#p3)",
     "[¶ 41](../sources/state-dedicated-prosecution-units.md#p41)",
     GUATEMALA, 22, None, ["¶ 41: state-dedicated-prosecution-units has 5 paragraphs (¶ 1 to ¶ 5)"]),
    ("source-without-paragraph", GUATEMALA, "[¶ 3](../sources/state-dedicated-prosecution-units.md#p3)",
     "[the fact sheet](../sources/state-dedicated-prosecution-units.md)",
     GUATEMALA, 22, None, ["[^dpu-3] cites state-dedicated-prosecution-units with no paragraph", "#p3"]),
    ("body-link-to-missing-paragraph", GUATEMALA, "[coverage hallmark](../practices/nationwide-coverage.md)",
     "[coverage hallmark](../practices/nationwide-coverage.md) (see [the fact sheet](../sources/state-dedicated-prosecution-units.md#p9))",
     GUATEMALA, 20, None, ["¶ 9: state-dedicated-prosecution-units has 5 paragraphs", "docs/sources/state-dedicated-prosecution-units.txt"]),
    ("paragraph-link-text", GUATEMALA, "[¶ 3](../sources/state-dedicated-prosecution-units.md#p3)",
     "[¶ 2](../sources/state-dedicated-prosecution-units.md#p3)",
     GUATEMALA, 22, None, ["the link to ¶ 3 of state-dedicated-prosecution-units reads '¶ 2'"]),
    ("uncited-paragraph", "countries/thailand.md", "October 2015.[^dpu-4]", "October 2015.[^dpu-4]\n\n- It has forty prosecutors.",
     "countries/thailand.md", 21, None, ["no citation: 'It has forty prosecutors.'", "<!-- uncited: reason -->"]),
    ("footnote-undefined", "countries/thailand.md", "October 2015.[^dpu-4]", "October 2015.[^dpu-4][^dpu-9]",
     "countries/thailand.md", 19, None, ["footnote [^dpu-9] has no definition"]),
    ("altered-quotation", "countries/thailand.md", "Thailand set up a trafficking department",
     'Thailand "established the Department against Human Trafficking"',
     "countries/thailand.md", 18, None, ['the quotation "established the Department against Human Trafficking" is not in state-dedicated-prosecution-units ¶ 4']),
    ("quotation-from-another-paragraph", "countries/thailand.md", "Thailand set up a trafficking department",
     'Thailand "inaugurated a new regional office" and a trafficking department',
     "countries/thailand.md", 18, None, ["\"inaugurated a new regional office\" is not in state-dedicated-prosecution-units ¶ 4"]),
    ("translation-cites-other-paragraphs", "countries/guatemala.es.md", "[¶ 3](../sources/state-dedicated-prosecution-units.md#p3)",
     "[¶ 2](../sources/state-dedicated-prosecution-units.md#p2)",
     "countries/guatemala.es.md", 11, None, ["[^dpu-3] cites state-dedicated-prosecution-units ¶ 2, the English page state-dedicated-prosecution-units ¶ 3"]),
    ("practice-names-a-country-not-listing-it", "practices/nationwide-coverage.md", "Coverage beyond the capital.",
     "Coverage beyond the capital, as in [Thailand](../countries/thailand.md).",
     "practices/nationwide-coverage.md", 9, None, ["names thailand with the practice nationwide-coverage", "add nationwide-coverage to 'practices:' in countries/thailand.md"]),
    ("country-names-a-practice-it-does-not-list", GUATEMALA, "[coverage hallmark](../practices/nationwide-coverage.md)",
     "[specialized courts](../practices/specialized-courts.md)",
     GUATEMALA, 20, None, ["names guatemala with the practice specialized-courts, but countries/guatemala.md does not list it"]),
    ("paragraph-number-twice", "sources/state-dedicated-prosecution-units.txt", "Criminal Court in Bangkok.",
     "Criminal Court in Bangkok.\n\n¶ 2\nA later paragraph.",
     "sources/state-dedicated-prosecution-units.txt", 21, None, ["¶ 2 is used twice (first on line 12)", "next free number"]),
]


@pytest.mark.parametrize("case", CASES, ids=[case[0] for case in CASES])
def test_mistake_gives_one_precise_problem(tmp_path, case):
    _, rel, old, new, file, line, field, words = case
    docs = copy_fixture("basic", tmp_path)
    _edit(docs, rel, old, new)
    _, problems = check(docs, "http://127.0.0.1:8000/")
    assert len(problems) == 1, "\n".join(map(str, problems))
    problem = problems[0]
    assert problem.file == file
    if line is not None:
        assert problem.line == line, str(problem)
    assert problem.field == field, str(problem)
    for word in words:
        assert word in str(problem)


def test_all_problems_are_reported_in_one_run(tmp_path):
    docs = copy_fixture("basic", tmp_path)
    _edit(docs, GUATEMALA, "practices: [nationwide-coverage]", "practices: [nationwide-coverge]")
    _edit(docs, "countries/thailand.md", "region: south-eastern-asia", "region: asia")
    _edit(docs, "statutes/palermo-protocol.md", "subjects: [trafficking]", "subjects: []")
    _, problems = check(docs)
    assert {p.file for p in problems} == {GUATEMALA, "countries/thailand.md", "statutes/palermo-protocol.md"}


@pytest.mark.parametrize("name, content, words", [
    ("countries/Kenya Profile.md", "---\ntitle: x\n---\n", ["lowercase", "kenya-profile.md"]),
    ("countries/guatemala.esp.md", "---\ntitle: x\n---\n", ["unknown language suffix '.esp'", "did you mean 'es'?"]),
    ("countries/kenya.es.md", "---\ntitle: Kenia\n---\n", ["countries/kenya.md, which does not exist"]),
    ("countries/empty.md", "", ["empty"]),
])
def test_file_level_mistakes(tmp_path, name, content, words):
    docs = copy_fixture("basic", tmp_path)
    (docs / name).write_text(content, encoding="utf-8")
    _, problems = check(docs)
    assert len(problems) == 1 and problems[0].file == name, problems
    for word in words:
        assert word in str(problems[0])


def test_a_file_that_is_not_utf8_gives_one_problem_however_much_it_is_linked(tmp_path):
    docs = copy_fixture("basic", tmp_path)
    path = docs / GUATEMALA  # linked from Thailand's front matter and body, and translated into Spanish
    path.write_bytes(path.read_bytes().replace(b"title: Guatemala", b"title: Guatemala caf\xe9"))
    _, problems = check(docs)
    assert [str(p) for p in problems] == [f"{GUATEMALA}:2: byte 0xe9 is not UTF-8 text (save the file as UTF-8)"]


def test_same_id_in_two_kinds(tmp_path):
    docs = copy_fixture("basic", tmp_path)
    (docs / "practices" / "guatemala.md").write_text(
        "---\ntitle: G\nhallmark: false\nsources: [state-dedicated-prosecution-units]\n---\n", encoding="utf-8")
    _, problems = check(docs)
    assert [str(p) for p in problems] == [
        "practices/guatemala.md: the id 'guatemala' is also used by countries/guatemala.md"
        " (ids must be unique across countries, practices, statutes and sources; rename one)"
    ]


# Hostile Markdown: (id, payload put in a paragraph of its own at line 18 of Guatemala, words in the problem)
HOSTILE = [
    ("script", "<script>alert(1)</script>", "<script>"),
    ("iframe", '<iframe src="https://evil.example/"></iframe>', "<iframe>"),
    ("object", '<object data="movie.swf"></object>', "<object>"),
    ("embed", '<embed src="movie.swf">', "<embed>"),
    ("form", '<form action="https://evil.example/"><input name="q"></form>', "<form>"),
    ("onclick", '<span onclick="alert(1)">text</span>', "event handler onclick="),
    ("onerror", '<img src="none.png" onerror="alert(1)">', "event handler onerror="),
    ("svg-onload", '<svg onload="alert(1)"></svg>', "<svg>"),
    ("style-url", '<span style="background:url(https://evil.example/x.png)">text</span>', "style on <span> that loads a URL"),
    ("style-tag", "<style>body { background: url(https://evil.example/) }</style>", "<style>"),
    ("javascript-markdown", "[click](javascript:alert(1))", "unsafe link 'javascript:alert(1)'"),
    ("vbscript-markdown", "[click](vbscript:msgbox)", "unsafe link"),
    ("data-markdown", "[click](data:text/html;base64,PHNjcmlwdD4=)", "unsafe link 'data:"),
    ("javascript-html", '<a href=" JaVaScRiPt:alert(1)">click</a>', "unsafe link: href="),
    ("attr-list-handler", '[site](https://example.org/){onclick="alert(1)"}', "event handler in { }"),
]


@pytest.mark.parametrize("name, payload, words", HOSTILE, ids=[case[0] for case in HOSTILE])
def test_hostile_markdown_is_rejected_with_file_and_line(tmp_path, name, payload, words):
    docs = copy_fixture("basic", tmp_path)
    _edit(docs, GUATEMALA, "The Public Ministry opened", f"{payload}\n\nThe Public Ministry opened")
    _, problems = check(docs)
    assert problems, "nothing reported"
    assert all(p.file == GUATEMALA and p.line == 18 for p in problems), problems
    assert any(words in str(problem) for problem in problems), problems


def test_rendered_html_check_catches_what_markdown_lets_through():
    rendered = '<p><a href="https://example.org/" onclick="alert(1)">site</a></p>\n<p><iframe src="x"></iframe></p>'
    from tipkb import scan_html
    assert scan_html(rendered) == [(1, "unsafe HTML: event handler onclick= on <a>"), (2, "unsafe HTML: <iframe>")]
    assert scan_html('<p><a href="https://example.org/">fine</a> <img src="map.png" alt="map"></p>') == []


def test_external_links_open_without_referrer(basic_build):
    html = basic_build.html("sources/state-dedicated-prosecution-units/index.html")
    assert '<a href="https://www.state.gov/" rel="noopener noreferrer">' in html


def test_a_very_large_file_is_refused(tmp_path):
    docs = copy_fixture("basic", tmp_path)
    (docs / "countries" / "huge.md").write_text("---\ntitle: Huge\n---\n" + "word " * 200_000, encoding="utf-8")
    _, problems = check(docs)
    assert [p.file for p in problems] == ["countries/huge.md"] and "at most 512 KiB" in str(problems[0])


def _mutations():
    """Every broken input above, as (id, function that breaks a fixture tree, the file named)."""
    for case in CASES:
        yield case[0], (lambda docs, c=case: _edit(docs, c[1], c[2], c[3])), case[4]
    for name, payload, _ in HOSTILE:
        yield name, (lambda docs, p=payload: _edit(docs, GUATEMALA, "The Public Ministry opened", f"{p}\n\nThe Public Ministry opened")), GUATEMALA


MUTATIONS = list(_mutations())


@pytest.mark.parametrize("name, breaks, file", MUTATIONS, ids=[m[0] for m in MUTATIONS])
def test_make_check_and_make_build_refuse_it(tmp_path, name, breaks, file):
    docs = copy_fixture("basic", tmp_path)
    breaks(docs)
    checked = subprocess.run([sys.executable, "-m", "tipkb", "check", str(docs)], capture_output=True, text=True, cwd=ROOT)
    built = build(docs, tmp_path)
    for result, output in ((checked.returncode, checked.stdout + checked.stderr), (built.returncode, built.output)):
        assert result != 0
        assert file in output
        assert "Traceback" not in output
    assert not (built.site / "index.html").exists()
