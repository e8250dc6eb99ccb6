"""The files around the Markdown: symbolic links, disguised and script-bearing
files and raw HTML are refused by make check and by the real build, and nothing
is published; harmless variants (byte-order mark, Windows line ends, decomposed
Unicode) are accepted and render as the originals do."""

from __future__ import annotations

import subprocess
import sys
import unicodedata

import pytest

from conftest import ROOT, build, copy_fixture, site_config
from tipkb import check
from tipkb.files import check_files, check_svg

SECRET = "build-machine-secret-4f9a"
GIF = b"GIF89a\x01\x00\x01\x00\x00\x00\x00;"
SVG = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">{}</svg>'


def _plant_secret(tmp_path):
    secret = tmp_path / "outside.txt"
    secret.write_text(SECRET, encoding="utf-8")
    return secret


# (id, function planting the file in docs, the file the problem names, words in the problem)
REFUSED = [
    ("symlink-file", lambda docs, tmp: (docs / "assets").mkdir() or (docs / "assets" / "hosts.txt").symlink_to(_plant_secret(tmp)),
     "assets/hosts.txt", "symbolic link"),
    ("symlink-folder", lambda docs, tmp: (docs / "assets").symlink_to(_plant_secret(tmp).parent, target_is_directory=True),
     "assets", "symbolic link"),
    ("svg-script", lambda docs, tmp: (docs / "map.svg").write_text(SVG.format("<script>alert(1)</script>")),
     "map.svg", "unsafe SVG: <script>"),
    ("svg-handler", lambda docs, tmp: (docs / "map.svg").write_text(SVG.format('<rect onload="alert(1)"/>')),
     "map.svg", "event handler onload="),
    ("svg-foreign-object", lambda docs, tmp: (docs / "map.svg").write_text(SVG.format("<foreignObject><p>x</p></foreignObject>")),
     "map.svg", "unsafe SVG: <foreignObject>"),
    ("svg-outside-reference", lambda docs, tmp: (docs / "map.svg").write_text(SVG.format('<image xlink:href="https://evil.example/x.png"/>')),
     "map.svg", "refers to 'https://evil.example/x.png' outside the image"),
    ("svg-style-url", lambda docs, tmp: (docs / "map.svg").write_text(SVG.format("<style>rect { fill: url(https://evil.example/) }</style>")),
     "map.svg", "a <style> that loads a URL"),
    ("svg-not-xml", lambda docs, tmp: (docs / "map.svg").write_text("<svg><rect></svg>"),
     "map.svg", "not a well-formed SVG"),
    ("svg-entity-bomb", lambda docs, tmp: (docs / "map.svg").write_text('<!DOCTYPE svg [<!ENTITY a "aaaa">]><svg>&a;</svg>'),
     "map.svg", "not a well-formed SVG"),
    ("disguised-image", lambda docs, tmp: (docs / "photo.png").write_bytes(GIF), "photo.png", "is not a PNG file"),
    ("raw-html-page", lambda docs, tmp: (docs / "page.html").write_text("<html><script>alert(1)</script></html>"),
     "page.html", ".html files are not content"),
    ("javascript-file", lambda docs, tmp: (docs / "extra.js").write_text("alert(1)"), "extra.js", ".js files are not content"),
    ("stylesheet", lambda docs, tmp: (docs / "extra.css").write_text("body{}"), "extra.css", ".css files are not content"),
    ("other-type", lambda docs, tmp: (docs / "tool.exe").write_bytes(b"MZ"), "tool.exe", "files of this type (.exe) are not allowed"),
    ("text-outside-sources", lambda docs, tmp: (docs / "notes.txt").write_text("notes"), "notes.txt", "(.txt) are not allowed"),
]


@pytest.mark.parametrize("name, plant, file, words", REFUSED, ids=[case[0] for case in REFUSED])
def test_refused_by_check_and_build_and_nothing_published(tmp_path, name, plant, file, words):
    docs = copy_fixture("basic", tmp_path)
    plant(docs, tmp_path)
    problems = check(docs)[1]
    assert [p.file for p in problems] == [file] and words in str(problems[0]), problems
    checked = subprocess.run([sys.executable, "-m", "tipkb", "check", str(docs)], capture_output=True, text=True, cwd=ROOT)
    built = build(docs, tmp_path)
    for status, output in ((checked.returncode, checked.stdout + checked.stderr), (built.returncode, built.output)):
        assert status != 0 and file in output and "Traceback" not in output
    assert not built.site.exists()
    if name.startswith("symlink"):  # nor in an offline bundle
        bundled = subprocess.run([sys.executable, str(ROOT / "tools" / "bundle.py"), "--config", str(site_config(docs, tmp_path / "site")),
                                  "--dist", str(tmp_path / "dist")], capture_output=True, text=True, cwd=ROOT)
        assert bundled.returncode != 0
        for folder in (tmp_path / "site", tmp_path / "dist"):
            assert not any(SECRET.encode() in path.read_bytes() for path in folder.rglob("*") if path.is_file())


def test_allowed_files_pass(tmp_path):
    docs = copy_fixture("basic", tmp_path)
    (docs / "map.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(16))
    (docs / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0" + bytes(16))
    (docs / "anim.gif").write_bytes(GIF)
    (docs / "report.pdf").write_bytes(b"%PDF-1.7\n")
    (docs / "map.svg").write_text(SVG.format('<defs><g id="a"/></defs><use xlink:href="#a"/><rect style="fill:#fff"/>'))
    assert check(docs)[1] == []


def test_theme_folders_beside_docs_are_checked(tmp_path):
    docs = copy_fixture("basic", tmp_path)
    (tmp_path / "includes").mkdir()
    (tmp_path / "includes" / "abbreviations.md").write_text("*[TIP]: Trafficking in persons\n")
    (tmp_path / "includes" / "evil.js").write_text("alert(1)")
    (tmp_path / "overrides").mkdir()
    (tmp_path / "overrides" / "main.html").write_text("{% extends 'base.html' %}")
    (tmp_path / "overrides" / "logo.svg").write_text(SVG.format("<script>alert(1)</script>"))
    (tmp_path / "overrides" / "secrets").symlink_to(_plant_secret(tmp_path))
    assert sorted(p.file for p in check_files(docs)) == ["../includes/evil.js", "../overrides/logo.svg", "../overrides/secrets"]


def test_the_real_theme_and_includes_pass():
    assert check_files(ROOT / "docs") == []


def test_svg_checks_name_each_problem():
    bad = SVG.format('<a href="javascript:alert(1)"><circle onclick="x()" style="fill: url(http://x/)"/></a>').encode()
    messages = [p.message for p in check_svg(bad, "x.svg")]
    assert messages == ["unsafe SVG: <a> refers to 'javascript:alert(1)' outside the image",
                        "unsafe SVG: event handler onclick= on <circle>", "unsafe SVG: a style on <circle> loads a URL"]


def _variant(docs, rel, transform):
    path = docs / rel
    path.write_bytes(transform(path.read_bytes()))


HARMLESS = {
    "countries/guatemala.md": lambda raw: b"\xef\xbb\xbf" + raw,  # what Notepad saves
    "countries/thailand.md": lambda raw: raw.replace(b"\n", b"\r\n"),  # Windows line ends
    "countries/thailand.ur.md": lambda raw: unicodedata.normalize("NFD", raw.decode("utf-8")).encode("utf-8"),
    "countries/guatemala.es.md": lambda raw: raw.replace(b"\n", b"\r"),  # old Mac line ends
}


def test_harmless_variants_pass_and_render_as_the_originals(tmp_path, basic_build):
    docs = copy_fixture("basic", tmp_path)
    for rel, transform in HARMLESS.items():
        _variant(docs, rel, transform)
    assert check(docs)[1] == []
    result = build(docs, tmp_path)
    assert result.returncode == 0, result.output
    for page in ("countries/guatemala/index.html", "countries/thailand/index.html", "ur/countries/thailand/index.html",
                 "es/countries/guatemala/index.html"):
        assert result.html(page) == basic_build.html(page), page


def test_normalize_rewrites_what_the_pre_commit_hook_is_given(tmp_path):
    docs = copy_fixture("basic", tmp_path)
    for rel, transform in HARMLESS.items():
        _variant(docs, rel, transform)
    files = [str(docs / rel) for rel in HARMLESS]
    first = subprocess.run([sys.executable, "-m", "tipkb", "normalize", *files], capture_output=True, text=True, cwd=ROOT)
    assert first.returncode == 1 and first.stdout.count("rewritten") == 4
    for rel in HARMLESS:
        assert (docs / rel).read_bytes() == (ROOT / "tests" / "fixtures" / "basic" / "docs" / rel).read_bytes()
    again = subprocess.run([sys.executable, "-m", "tipkb", "normalize", *files], capture_output=True, text=True, cwd=ROOT)
    assert again.returncode == 0 and again.stdout == ""
    assert "tipkb normalize" in (ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8")
