"""Offline field bundles: `make bundle` writes to dist/ one zip with every
language and one zip per language, each to be unzipped anywhere and opened
from file:// with no network. Each holds START-HERE.html (in all seven
languages), manifest.json and SHA256SUMS; `make verify-bundle BUNDLE=...`
checks a copy (a zip or an unzipped folder).

    python tools/bundle.py [--config mkdocs.yml] [--dist dist]
    python tools/bundle.py --verify dist/tip-kb-....zip
"""

from __future__ import annotations

import argparse
import datetime
import hashlib
import html
import json
import os
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from build_site import build_languages, source_date_epoch
from build_site import main as build_all
from tipkb import DEFAULT_LANGUAGE, LANGUAGES
from tipkb.strings import text

SUMS = "SHA256SUMS"


def content_version(config: Path) -> str:
    described = subprocess.run(["git", "describe", "--tags", "--always", "--dirty"], cwd=config.resolve().parent,
                               capture_output=True, text=True)
    return described.stdout.strip() if described.returncode == 0 and described.stdout.strip() else "unversioned"


def start_here(codes: list[str]) -> str:
    sections = []
    for lang in LANGUAGES:
        index = "index.html" if len(codes) == 1 or lang.code == DEFAULT_LANGUAGE else f"{lang.code}/index.html"
        sections.append(
            f'<section lang="{lang.code}" dir="{lang.direction}">\n<h2>{html.escape(text("start_here_title", lang.code))}</h2>\n'
            f'<p>{html.escape(text("start_here_body", lang.code))}</p>\n'
            f'<p><a href="{index}">{html.escape(text("start_here_open", lang.code))}'
            + ("" if len(codes) == 1 else f" ({lang.name})") + "</a></p>\n</section>")
    return ('<!doctype html>\n<html lang="en">\n<head><meta charset="utf-8"><title>START HERE</title>\n'
            '<style>body{font-family:system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem;line-height:1.6}'
            'section{border-top:1px solid #ccc;padding:.5rem 0}a{font-size:1.2em}</style></head>\n<body>\n'
            + "\n".join(sections) + "\n</body>\n</html>\n")


def _page_count(folder: Path, code: str, codes: list[str]) -> int:
    """HTML pages of one language: its folder, or the root less the other languages' folders."""
    if len(codes) > 1 and code != DEFAULT_LANGUAGE:
        return sum(1 for _ in (folder / code).rglob("*.html"))
    return sum(1 for path in folder.rglob("*.html") if path.relative_to(folder).parts[0] not in codes + ["START-HERE.html"])


# Of no use from file://: source maps, the JSON index (search reads search_index.js), sitemaps,
# and the 404 pages (their links are absolute from the site's root, which file:// does not have).
UNUSED_OFFLINE = ("**/*.map", "**/search/search_index.json", "**/sitemap.xml", "**/sitemap.xml.gz", "**/404.html")


def finish(folder: Path, codes: list[str], version: str, date: str) -> None:
    """Drop what file:// cannot use; add START-HERE.html, manifest.json and SHA256SUMS."""
    for pattern in UNUSED_OFFLINE:
        for path in folder.glob(pattern):
            path.unlink()
    (folder / "START-HERE.html").write_text(start_here(codes), encoding="utf-8")
    pages = {code: _page_count(folder, code, codes) for code in codes}
    manifest = {"title": "Knowledge base for prosecuting trafficking in persons and human smuggling",
                "content_version": version, "build_date": date, "languages": codes, "pages": pages,
                "open": "START-HERE.html"}
    (folder / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    lines = [f"{hashlib.sha256(path.read_bytes()).hexdigest()}  {path.relative_to(folder).as_posix()}"
             for path in sorted(folder.rglob("*")) if path.is_file() and path.name != SUMS]
    (folder / SUMS).write_text("\n".join(lines) + "\n", encoding="utf-8")


def write_zip(folder: Path, target: Path, epoch: int) -> None:
    stamp = max(datetime.datetime.fromtimestamp(epoch, datetime.timezone.utc), datetime.datetime(1980, 1, 1, tzinfo=datetime.timezone.utc))
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                info = zipfile.ZipInfo(f"{target.stem}/{path.relative_to(folder).as_posix()}", stamp.timetuple()[:6])
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o644 << 16
                archive.writestr(info, path.read_bytes())


def verify(bundle: Path) -> list[str]:
    """What is wrong with a bundle: files whose checksum differs, missing or unlisted files."""
    if bundle.is_file():
        with zipfile.ZipFile(bundle) as archive:
            names = [n for n in archive.namelist() if not n.endswith("/")]
            root = names[0].split("/")[0] + "/"
            files = {n[len(root):]: archive.read(n) for n in names}
    else:
        files = {p.relative_to(bundle).as_posix(): p.read_bytes() for p in bundle.rglob("*") if p.is_file()}
    if SUMS not in files:
        return [f"{SUMS} is missing"]
    problems, listed = [], set()
    for line in files.pop(SUMS).decode("utf-8").splitlines():
        digest, name = line.split("  ", 1)
        listed.add(name)
        if name not in files:
            problems.append(f"{name}: missing")
        elif hashlib.sha256(files[name]).hexdigest() != digest:
            problems.append(f"{name}: checksum differs (the file was changed)")
    problems += [f"{name}: not listed in {SUMS}" for name in sorted(set(files) - listed)]
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--config", type=Path, default=Path("mkdocs.yml"))
    parser.add_argument("--dist", type=Path, default=Path("dist"))
    parser.add_argument("--verify", type=Path)
    args = parser.parse_args(argv)
    if args.verify:
        problems = verify(args.verify)
        for problem in problems:
            print(problem)
        print(f"{args.verify}: {'FAILED, ' + str(len(problems)) + ' problem(s)' if problems else 'OK, every checksum matches'}")
        return 1 if problems else 0

    os.environ["KB_OFFLINE"] = "true"
    epoch = source_date_epoch(args.config)
    os.environ["SOURCE_DATE_EPOCH"] = epoch
    version = content_version(args.config)
    date = datetime.datetime.fromtimestamp(int(epoch), datetime.timezone.utc).date().isoformat()
    prefix = f"tip-kb-{version}-{date}"
    args.dist.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".bundle-", dir=args.dist) as work:
        work = Path(work)
        if build_all(["--config", str(args.config), "--site-dir", str(work / "all")]) != 0:
            return 1
        codes = [lang.code for lang in LANGUAGES]
        finish(work / "all", codes, version, date)
        write_zip(work / "all", args.dist / f"{prefix}-all.zip", int(epoch))
        os.environ["KB_ONE_LANGUAGE"] = "true"
        if build_languages(args.config, {code: work / code for code in codes}, epoch) is None:
            return 1
        for code in codes:
            finish(work / code, [code], version, date)
            write_zip(work / code, args.dist / f"{prefix}-{code}.zip", int(epoch))
    for path in sorted(args.dist.glob(f"{prefix}-*.zip")):
        print(f"{path} {path.stat().st_size / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
