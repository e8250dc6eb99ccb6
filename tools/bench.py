"""`make bench`: build a synthetic corpus of N countries in seven languages with
this project's build and with plain MkDocs + Material + mkdocs-static-i18n
(same corpus, no hooks), and write the figures to BENCHMARKS.md.

The corpus is the real docs tree plus synthetic country profiles: each takes a
real ISO 3166-1 country (its id and code pass the models), a region from the
list, and the body of the Guatemala profile in each language, stamped as an
up-to-date translation. The models accept 250 countries (ISO 3166-1's 249
codes and Kosovo); beyond them, each further profile is a synthetic practice
page with the same body, so N = 1000 means 250 countries and 750 practice
pages of a country profile's size.

    python tools/bench.py [--sizes 38,200] [--out BENCHMARKS.md]
"""

from __future__ import annotations

import argparse
import functools
import http.server
import json
import os
import platform
import re
import resource
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
import zipfile
from pathlib import Path

import pycountry

from build_site import config_text
from tipkb import LANGUAGES, check, geography
from tipkb.body import parse
from tipkb.load import load
from tipkb.translations import stamp

ROOT = Path(__file__).resolve().parent.parent
CODES = [lang.code for lang in LANGUAGES]


def corpus(n: int, target: Path) -> Path:
    docs = target / "docs"
    shutil.copytree(ROOT / "docs", docs)
    site, _ = check(docs)
    existing = {d.model.iso3 for d in site.pages("countries")}
    regions = sorted(geography.regions())
    bodies = {lang: (docs / "countries" / ("guatemala.md" if lang == "en" else f"guatemala.{lang}.md")).read_text(encoding="utf-8").split("\n---\n", 1)[1]
              for lang in CODES}
    guatemala = {lang: geography.country_name("GTM", lang) for lang in CODES}
    practices = ", ".join(site.page("countries", "guatemala").model.practices)  # the practices its body links
    added = []
    for country in pycountry.countries:
        if len(existing) + len(added) >= n:
            break
        page_id = geography.slug(country.name)
        if country.alpha_3 in existing or not geography.code_matches_id(country.alpha_3, page_id):
            continue
        region = regions[len(added) % len(regions)]
        body = {lang: bodies[lang].replace(guatemala[lang], geography.country_name(country.alpha_3, lang)) for lang in CODES}
        (docs / "countries" / f"{page_id}.md").write_text(
            f"---\ntitle: {country.name}\niso3: {country.alpha_3}\nregion: {region}\nunits: []\npractices: [{practices}]\n"
            f"statutes: []\nrelated: [guatemala]\nsources: [state-dedicated-prosecution-units]\nlast_reviewed: 2026-11-01\n---\n{body['en']}",
            encoding="utf-8")
        for lang in CODES[1:]:
            title = geography.country_name(country.alpha_3, lang)
            (docs / "countries" / f"{page_id}.{lang}.md").write_text(f'---\ntitle: "{title}"\n---\n{body[lang]}', encoding="utf-8")
        added.append(f"countries/{page_id}")
    for number in range(1, n - len(existing) - len(added) + 1):  # past the ISO codes: practice pages
        page_id = f"bench-practice-{number:04d}"
        body = {lang: _unlinked_countries(bodies[lang]).replace("Quetzaltenango", f"Quetzaltenango {number}") for lang in CODES}
        (docs / "practices" / f"{page_id}.md").write_text(
            f"---\ntitle: Benchmark practice {number}\nhallmark: false\nsources: [state-dedicated-prosecution-units]\n---\n{body['en']}",
            encoding="utf-8")
        for lang in CODES[1:]:
            (docs / "practices" / f"{page_id}.{lang}.md").write_text(f'---\ntitle: "{number}"\n---\n{body[lang]}', encoding="utf-8")
        added.append(f"practices/{page_id}")
    site, _ = load(docs)
    for page in added:
        for lang in CODES[1:]:
            stamp(site, docs / f"{page}.{lang}.md")
    return docs


def _unlinked_countries(body: str) -> str:
    """Guatemala's body as a practice page's: the countries it links become plain names (a practice page
    that links a country names it as applying the practice, which the synthetic countries do not)."""
    for link in parse(body).links:
        if "/" not in link.target and link.target.endswith(".md"):
            body = body.replace(f"[{link.text}]({link.target})", link.text)
    return body


def configs(docs: Path, target: Path) -> tuple[Path, Path]:
    """(this project's config, the plain one) for a corpus."""
    ours = config_text(docs)
    plain = re.sub(r"\nhooks:\n  - [^\n]+\n", "\n", ours).replace("      build_only_locale: !ENV [KB_LANGUAGE, en]\n", "")
    plain = plain.replace("language: !ENV [KB_LANGUAGE, en]", "language: en").replace("strict: !ENV [KB_STRICT, true]", "strict: false")
    paths = target / "ours.yml", target / "plain.yml"
    paths[0].write_text(ours, encoding="utf-8")
    paths[1].write_text(plain, encoding="utf-8")
    return paths


def timed(command: list[str], env: dict | None = None) -> tuple[float, float]:
    """(seconds, peak RSS in MB of the largest process) for a command."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    started = time.monotonic()
    result = subprocess.run(command, capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})})
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{result.stdout[-3000:]}{result.stderr[-3000:]}")
    seconds = time.monotonic() - started
    return seconds, max(before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024


def size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def first_result_ms(site: Path, query: str, offline: bool) -> float:
    """Milliseconds from typing a query to the first result, in Chromium."""
    sys.path.insert(0, str(ROOT / "tests"))
    from browser import chromium  # the tests' launcher of Debian's Chromium

    server = None
    if offline:
        url = (site / "index.html").as_uri()
    else:
        class Quiet(http.server.SimpleHTTPRequestHandler):
            def log_message(self, *args):
                pass
        handler = functools.partial(Quiet, directory=str(site))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        url = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        with chromium() as browser:
            page = browser.new_page()
            page.goto(url)
            page.fill("input.md-search__input", "x")  # let the worker load its index first
            page.keyboard.press("End")
            page.wait_for_timeout(1500)
            page.fill("input.md-search__input", "")
            started = time.monotonic()
            page.fill("input.md-search__input", query)
            page.keyboard.press("End")
            page.locator(".md-search-result__item").first.wait_for(timeout=30000)
            return (time.monotonic() - started) * 1000
    finally:
        if server:
            server.shutdown()


def serve_rebuild_seconds(docs: Path, config: Path) -> float:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "KB_STRICT": "false"}
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-f", str(config), "--dev-addr", f"127.0.0.1:{port}"],
                              env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/countries/thailand/"

    def fetch() -> str:
        try:
            return urllib.request.urlopen(url, timeout=5).read().decode("utf-8")
        except OSError:
            return ""
    try:
        deadline = time.monotonic() + 120
        while "Thailand" not in fetch() and time.monotonic() < deadline:
            time.sleep(0.2)
        page = docs / "countries" / "thailand.md"
        page.write_text(page.read_text(encoding="utf-8").replace("## Overview", "## Overview\n\nBENCHMARK-EDIT", 1), encoding="utf-8")
        started = time.monotonic()
        while "BENCHMARK-EDIT" not in fetch() and time.monotonic() - started < 120:
            time.sleep(0.1)
        return time.monotonic() - started
    finally:
        server.terminate()
        server.wait(timeout=10)


def measure(n: int, work: Path) -> dict:
    target = work / f"n{n}"
    target.mkdir()
    docs = corpus(n, target)
    ours, plain = configs(docs, target)
    row: dict = {"n": n}
    row["check_s"], _ = timed([sys.executable, "-m", "tipkb", "check", str(docs)])  # as `make check` runs it
    row["ours_s"], row["ours_mb"] = timed([sys.executable, str(ROOT / "tools" / "build_site.py"), "--config", str(ours), "--site-dir", str(target / "ours")])
    row["plain_s"], row["plain_mb"] = timed([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(plain), "--site-dir", str(target / "plain")])
    for name in ("ours", "plain"):
        pages = len(list((target / name).rglob("index.html")))
        row[f"{name}_pages"] = pages
        row[f"{name}_bytes_per_page"] = size(target / name) / pages
    row["indexes_kb"] = {code: (target / "ours" / ("" if code == "en" else code) / "search" / "search_index.json").stat().st_size / 1024 for code in CODES}
    row["plain_index_kb"] = (target / "plain" / "search" / "search_index.json").stat().st_size / 1024
    row["search_ms_online"] = first_result_ms(target / "ours", "Quetzaltenango", offline=False)
    shutil.rmtree(target / "plain")
    # Offline: the zip bundles (search from the unzipped all-language one) and the ZIM archives.
    dist = target / "dist"
    for tool in ("bundle.py", "zim.py"):
        timed([sys.executable, str(ROOT / "tools" / tool), "--config", str(ours), "--dist", str(dist)])
    row["bundles_mb"] = {path.stem.rsplit("-", 1)[1]: path.stat().st_size / 1e6 for path in dist.glob("*.zip")}
    row["zims_mb"] = {path.name.split("_")[1]: path.stat().st_size / 1e6 for path in dist.glob("*.zim")}
    with zipfile.ZipFile(next(dist.glob("*-all.zip"))) as archive:
        archive.extractall(target / "unzipped")
    row["search_ms_offline"] = first_result_ms(next((target / "unzipped").iterdir()), "Quetzaltenango", offline=True)
    return row


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="38,200")
    parser.add_argument("--out", type=Path, default=ROOT / "BENCHMARKS.md")
    args = parser.parse_args(argv)
    rows = []
    with tempfile.TemporaryDirectory(prefix="bench-") as work:
        work = Path(work)
        for n in (int(x) for x in args.sizes.split(",")):
            rows.append(measure(n, work))
            print(json.dumps(rows[-1]), flush=True)
        serve_docs = work / "serve"
        docs = corpus(38, serve_docs)
        ours, _ = configs(docs, serve_docs)
        serve_s = serve_rebuild_seconds(docs, ours)
        write_report(args.out, rows, serve_s)
    print(f"wrote {args.out}")
    return 0


def write_report(out: Path, rows: list[dict], serve_s: float) -> None:
    lines = ["# Benchmarks", "",
             f"Measured by `make bench` (`python tools/bench.py --sizes {','.join(str(r['n']) for r in rows)}`) on "
             f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}; "
             "\"plain\" is the same corpus built by MkDocs + Material + mkdocs-static-i18n in one run, without this project's hooks. "
             "N counts country profiles; past the 250 countries the models accept (ISO 3166-1's 249 codes and Kosovo), the further profiles are practice pages of the same size.", "",
             "| N (×7 languages) | pages (ours / plain) | full build, ours | full build, plain | ours / plain | peak RSS of largest process, ours / plain | `make check` | output bytes per page, ours / plain |",
             "| --: | --: | --: | --: | --: | --: | --: | --: |"]
    for r in rows:
        lines.append(f"| {r['n']} | {r['ours_pages']} / {r['plain_pages']} | {r['ours_s']:.1f} s | {r['plain_s']:.1f} s | {r['ours_s'] / r['plain_s']:.2f} | "
                     f"{r['ours_mb']:.0f} / {r['plain_mb']:.0f} MB | {r['check_s']:.2f} s | {r['ours_bytes_per_page'] / 1024:.1f} / {r['plain_bytes_per_page'] / 1024:.1f} KB |")
    lines += ["", "## Search", "", "| N | " + " | ".join(f"index {c}" for c in CODES) + " | plain: one index for all | largest per-language / combined | first result online | first result offline |",
              "| --: |" + " --: |" * (len(CODES) + 4)]
    for r in rows:
        largest = max(r["indexes_kb"].values())
        lines.append(f"| {r['n']} | " + " | ".join(f"{r['indexes_kb'][c]:.0f} KB" for c in CODES) +
                     f" | {r['plain_index_kb']:.0f} KB | {largest / r['plain_index_kb']:.2f} | {r['search_ms_online']:.0f} ms | {r['search_ms_offline']:.0f} ms |")
    lines += ["", "## Offline copies", "", "Zip bundles (`make bundle`) and ZIM archives for Kiwix (`make zim`), in MB.", "",
              "| N | all-language zip | " + " | ".join(f"{c}: zip / ZIM" for c in CODES) + " |",
              "| --: | --: |" + " --: |" * len(CODES)]
    for r in rows:
        lines.append(f"| {r['n']} | {r['bundles_mb']['all']:.1f} | " +
                     " | ".join(f"{r['bundles_mb'][c]:.1f} / {r['zims_mb'][c]:.1f}" for c in CODES) + " |")
    lines += ["", f"`make serve` (English, today's content): an edited page is served {serve_s:.1f} s after the save.", "",
              "Time to first result is measured in Chromium from filling the query to the first result item, after the index has "
              "loaded; offline is the unzipped all-language bundle opened from file://.", ""]
    out.write_text("\n".join(lines), encoding="utf-8")

if __name__ == "__main__":
    sys.exit(main())
