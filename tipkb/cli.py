"""Command line for editors and translators.

    python -m tipkb check [DOCS_DIR]        validate the tree without rendering; non-zero exit on any problem
    python -m tipkb i18n-status [--json]    translated / outdated / missing pages per language
    python -m tipkb i18n-stamp FILE...      record that translations now match their English pages
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from tipkb.check import check
from tipkb.load import load
from tipkb.translations import stamp, status, status_json


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="tipkb", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", default="docs", type=Path, help="the docs folder (default: docs)")
    commands = parser.add_subparsers(dest="command", required=True)
    check_parser = commands.add_parser("check", help="validate front matter, ids and links")
    check_parser.add_argument("docs_dir", nargs="?", type=Path)
    check_parser.add_argument("--site-url", default="http://127.0.0.1:8000/", help="the site's URL, to flag absolute links to it")
    status_parser = commands.add_parser("i18n-status", help="translation status per language")
    status_parser.add_argument("--json", action="store_true", help="print JSON, as site/translation-status.json")
    stamp_parser = commands.add_parser("i18n-stamp", help="mark translations as matching their English pages")
    stamp_parser.add_argument("files", nargs="+", type=Path)
    args = parser.parse_args(argv)
    return {"check": _check, "i18n-status": _status, "i18n-stamp": _stamp}[args.command](args)


def _check(args) -> int:
    site, problems = check(args.docs_dir or args.docs, args.site_url)
    for problem in problems:
        print(problem)
    pages = len(site.documents)
    if problems:
        print(f"{len(problems)} problem(s) in {pages} page(s); nothing is published until they are fixed.", file=sys.stderr)
        return 1
    print(f"{pages} page(s) checked, no problems.")
    return 0


def _status(args) -> int:
    site, _ = load(args.docs)
    if args.json:
        print(json.dumps(status_json(site), ensure_ascii=False, indent=2))
        return 0
    print(f"{'language':<10}{'translated':>11}{'outdated':>10}{'missing':>9}{'up to date':>12}")
    for lang, entry in status(site).items():
        print(f"{lang:<10}{len(entry.translated):>11}{len(entry.outdated):>10}{len(entry.missing):>9}{entry.coverage:>12.1%}")
    return 0


def _stamp(args) -> int:
    site, _ = load(args.docs)
    failed = 0
    for path in args.files:
        try:
            print(f"{path}: english_version {stamp(site, path)}")
        except ValueError as error:
            print(f"{path}: {error}", file=sys.stderr)
            failed += 1
    return 1 if failed else 0
