"""Command line: `python -m tipkb check [DOCS_DIR]` validates the tree without
rendering anything and exits non-zero when there is any problem."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tipkb.check import check


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="tipkb", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    check_parser = commands.add_parser("check", help="validate front matter, ids and links")
    check_parser.add_argument("docs_dir", nargs="?", default="docs", type=Path)
    check_parser.add_argument("--site-url", default=None, help="the site's URL, to flag absolute links to it")
    args = parser.parse_args(argv)

    site, problems = check(args.docs_dir, args.site_url)
    for problem in problems:
        print(problem)
    pages = len(site.documents)
    if problems:
        print(f"{len(problems)} problem(s) in {pages} page(s); nothing is published until they are fixed.", file=sys.stderr)
        return 1
    print(f"{pages} page(s) checked, no problems.")
    return 0
