"""ZIM archives of the real docs tree (make zim): checked by zimcheck, served by
kiwix-serve (Debian's zim-tools and kiwix-tools), searched through libzim, and
opened in Chromium through kiwix-serve."""

from __future__ import annotations

import re
import socket
import struct
import subprocess
import sys
import time
import urllib.parse
import urllib.request

import pytest
from libzim.reader import Archive
from libzim.search import Query, Searcher

from conftest import ROOT

LANGS = {"en": "eng", "es": "spa", "fr": "fra", "ru": "rus", "zh": "zho", "hi": "hin", "ur": "urd"}


@pytest.fixture(scope="module")
def zims(tmp_path_factory):
    dist = tmp_path_factory.mktemp("zim")
    result = subprocess.run([sys.executable, str(ROOT / "tools" / "zim.py"), "--dist", str(dist)], cwd=ROOT,
                            capture_output=True, text=True, env={"SOURCE_DATE_EPOCH": "1763856000", "PATH": "/usr/bin:/bin"})
    assert result.returncode == 0, result.stdout + result.stderr
    return {path.name.split("_")[1]: path for path in dist.glob("*.zim")}


@pytest.fixture(scope="module")
def kiwix(zims):
    """kiwix-serve on 127.0.0.1 with every archive; yields its base URL."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(["kiwix-serve", "--address", "127.0.0.1", "--port", str(port), *map(str, zims.values())],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(base + "/", timeout=1)
            break
        except OSError:
            time.sleep(0.1)
    yield base
    server.terminate()
    server.wait()


def book(zims, lang: str) -> str:
    return zims[lang].stem


def test_one_archive_per_language_named_by_openzim_convention(zims):
    assert sorted(zims) == sorted(LANGS)
    assert {path.name for path in zims.values()} == {f"tip-kb_{lang}_all_2025-11.zim" for lang in LANGS}


@pytest.mark.parametrize("lang", LANGS)
def test_zimcheck_passes_with_every_check(zims, lang):
    result = subprocess.run(["zimcheck", "-A", str(zims[lang])], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Overall Test Status: Pass" in result.stdout


@pytest.mark.parametrize("lang", LANGS)
def test_metadata_main_page_and_indexes(zims, lang):
    archive = Archive(zims[lang])
    meta = {key: bytes(archive.get_metadata(key)) for key in archive.metadata_keys}
    text = {key: value.decode("utf-8") for key, value in meta.items() if not key.startswith("Illustration")}
    assert text["Name"] == f"tip-kb_{lang}_all" and text["Language"] == LANGS[lang] and text["Date"] == "2025-11-23"
    assert 0 < len(text["Title"]) <= 30 and 0 < len(text["Description"]) <= 80
    assert text["Creator"] and text["Publisher"] and "law" in text["Tags"].split(";")
    png = meta["Illustration_48x48@1"]
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and struct.unpack(">II", png[16:24]) == (48, 48)
    assert archive.main_entry.get_item().path == "index.html"
    assert archive.has_title_index and archive.has_fulltext_index


@pytest.mark.parametrize("lang", LANGS)
def test_pages_have_no_search_box_and_no_links_into_other_languages(zims, lang):
    archive = Archive(zims[lang])
    pages = [archive._get_entry_by_id(i).get_item() for i in range(archive.entry_count)]
    pages = [item for item in pages if item.mimetype == "text/html"]
    assert len(pages) > 80
    for item in pages:
        html = bytes(item.content).decode("utf-8")
        assert 'class="md-search"' not in html, item.path
        assert "hreflang" not in html and 'rel="canonical"' not in html, item.path
        assert 'class="md-select"' not in html, item.path  # no language selector
        assert "kb-courtesy" in html or lang == "en" or "kb-untranslated" in html, item.path
    guatemala = bytes(archive.get_entry_by_path("countries/guatemala.html").get_item().content).decode("utf-8")
    courtesy = re.search(r'kb-courtesy">(.*?)</div>', guatemala, re.S)
    assert (courtesy is None) == (lang == "en") and (courtesy is None or "<a " not in courtesy.group(1))
    # Without scripts, the footnote list at the foot of the page quotes each cited paragraph.
    footnotes = guatemala[guatemala.index('<div class="footnote">'):]
    assert "inaugurated a new regional office in April in Quetzaltenango" in footnotes


# The index is read by the reader's libzim: these queries go through this venv's
# (python-libzim 3.2.0, libzim 8.2.1), which splits Chinese queries into n-grams as
# current Kiwix readers do.
@pytest.mark.parametrize("lang, query", [
    ("en", "Quetzaltenango"), ("es", "Quetzaltenango"), ("fr", "Guatemala"), ("ru", "Гватемала"),
    ("zh", "危地马拉"), ("hi", "ग्वाटेमाला"), ("ur", "گواٹے مالا"),
])
def test_full_text_index_finds_the_country_in_every_language(zims, lang, query):
    search = Searcher(Archive(zims[lang])).search(Query().set_query(query))
    assert "countries/guatemala.html" in list(search.getResults(0, 5))


def test_kiwix_serve_serves_a_country_page(zims, kiwix):
    page = urllib.request.urlopen(f"{kiwix}/{book(zims, 'es')}/countries/guatemala.html").read().decode("utf-8")
    assert "<h1" in page and "Guatemala" in page and "Quetzaltenango" in page


# Debian bookworm's kiwix-serve 3.3.0 runs libzim 8.1.1, whose query parser does not split
# Chinese into n-grams: there, a Chinese query finds pages only up to two characters long.
@pytest.mark.parametrize("lang, query, expected", [
    ("en", "Quetzaltenango", "countries/guatemala.html"),
    ("es", "Tailandia", "countries/thailand.html"),
    ("zh", "泰国", "countries/thailand.html"),
    ("ur", "گواٹے مالا", "countries/guatemala.html"),
])
def test_kiwix_serve_full_text_search(zims, kiwix, lang, query, expected):
    name = book(zims, lang)
    url = f"{kiwix}/search?content={name}&pattern={urllib.parse.quote(query)}"
    results = re.findall(rf'href="/{name}/([^"]+)"', urllib.request.urlopen(url).read().decode("utf-8"))
    assert expected in results[:5], results


def test_archive_pages_keep_the_strict_policy_in_kiwix_serve(zims, kiwix, browser):
    """No search worker in the archives, so no inline script beyond the theme's hashed ones. kiwix-serve
    injects its own toolbar (jQuery from /skin/); its feature tests are the only reports."""
    context = browser.new_context()
    context.add_init_script("window.__v = []; document.addEventListener('securitypolicyviolation',"
                            " e => window.__v.push([e.violatedDirective, e.sourceFile]));")
    tab = context.new_page()
    for lang in ("en", "ur"):
        tab.goto(f"{kiwix}/{book(zims, lang)}/countries/guatemala.html")
        tab.wait_for_load_state("networkidle")
        assert "'unsafe-inline'" not in tab.locator("meta[http-equiv='Content-Security-Policy']").get_attribute("content")
        assert all(source.startswith(f"{kiwix}/skin/") for _, source in tab.evaluate("window.__v")), tab.evaluate("window.__v")
        tab.hover("a.footnote-ref")
        assert "Quetzaltenango" in tab.locator(".md-tooltip2--active").inner_text()
    context.close()


def test_urdu_page_in_chromium_through_kiwix_serve(zims, kiwix, page):
    """Right to left, in the archive's own font, and nothing requested from outside or missing."""
    requests, failures = [], []
    page.on("request", lambda request: requests.append(request.url))
    page.on("response", lambda response: response.status >= 400 and failures.append(response.url))
    page.goto(f"{kiwix}/{book(zims, 'ur')}/countries/guatemala.html")
    page.wait_for_load_state("networkidle")
    assert page.evaluate("getComputedStyle(document.querySelector('.md-content')).direction") == "rtl"
    page.evaluate("document.fonts.ready")
    assert page.evaluate("[...document.fonts].some(f => f.family.includes('Noto Nastaliq Urdu') && f.status === 'loaded')")
    assert [url for url in requests if not url.startswith(kiwix)] == []
    # kiwix-serve's own toolbar (jQuery from /skin/) sets inline event handlers that the archive's policy
    # blocks; test_archive_pages_keep_the_strict_policy_in_kiwix_serve ties every such report to /skin/.
    errors = [text for text in page.console_errors if "Executing inline event handler violates" not in text]
    assert failures == [] and errors == []
