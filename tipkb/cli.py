"""Command line for editors and translators.

    python -m tipkb check [DOCS_DIR]        validate the tree without rendering; non-zero exit on any problem;
                                            prints how much of each source is cited
    python -m tipkb check --exceptions      also list the paragraphs marked '<!-- uncited: reason -->'
    python -m tipkb check --format github   one GitHub workflow command per problem (pull request annotations)
    python -m tipkb i18n-status [--json]    translated / outdated / missing pages per language
    python -m tipkb i18n-stamp FILE...      record that translations now match their English pages
    python -m tipkb new KIND NAME [...]     write a new page from a template (country, practice, statute, source)
    python -m tipkb schemas [DIR]           write the front matter's JSON Schemas (default: schemas/)
    python -m tipkb normalize FILE...       rewrite text files as the checks read them: no byte-order mark,
                                            Unix line ends, composed Unicode (NFC); the pre-commit hook runs it
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from tipkb.check import check
from tipkb.citations import coverage_summary, exceptions
from tipkb.load import decode, load
from tipkb.new import TEMPLATES, new_page
from tipkb.schemas import write_schemas
from tipkb.translations import stamp, status, status_json


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="tipkb", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", default="docs", type=Path, help="the docs folder (default: docs)")
    commands = parser.add_subparsers(dest="command", required=True)
    check_parser = commands.add_parser("check", help="validate front matter, ids and links")
    check_parser.add_argument("docs_dir", nargs="?", type=Path)
    check_parser.add_argument("--site-url", default="http://127.0.0.1:8000/", help="the site's URL, to flag absolute links to it")
    check_parser.add_argument("--exceptions", action="store_true", help="list the paragraphs marked as needing no citation")
    check_parser.add_argument("--format", choices=("text", "github"), default="text",
                              help="github: one workflow command per problem, shown on the pull request's lines")
    status_parser = commands.add_parser("i18n-status", help="translation status per language")
    status_parser.add_argument("--json", action="store_true", help="print JSON, as site/translation-status.json")
    stamp_parser = commands.add_parser("i18n-stamp", help="mark translations as matching their English pages")
    stamp_parser.add_argument("files", nargs="+", type=Path)
    new_parser = commands.add_parser("new", help="write a new page from a template")
    new_parser.add_argument("kind", choices=sorted(TEMPLATES))
    new_parser.add_argument("name", help="the English name, e.g. 'Kenya'")
    new_parser.add_argument("--region", default="", help="country: a region id from tipkb/data/regions.yml")
    new_parser.add_argument("--sources", default="", help="source ids, separated by commas")
    new_parser.add_argument("--jurisdiction", default="international", help="statute: a country id, or international")
    normalize_parser = commands.add_parser("normalize", help="rewrite files without BOM, with LF line ends, in NFC")
    normalize_parser.add_argument("files", nargs="+", type=Path)
    schemas_parser = commands.add_parser("schemas", help="write the front matter's JSON Schemas")
    schemas_parser.add_argument("out_dir", nargs="?", default="schemas", type=Path)
    args = parser.parse_args(argv)
    commands_by_name = {"check": _check, "i18n-status": _status, "i18n-stamp": _stamp, "new": _new, "schemas": _schemas,
                        "normalize": _normalize}
    return commands_by_name[args.command](args)


def _normalize(args) -> int:
    """Exit 1 when a file was rewritten (so pre-commit shows the change), 2 when one is not UTF-8."""
    status = 0
    for path in args.files:
        raw = path.read_bytes()
        try:
            text = decode(raw)
        except UnicodeDecodeError:
            print(f"{path}: not UTF-8 text; save it as UTF-8", file=sys.stderr)
            status = 2
            continue
        if text.encode("utf-8") != raw:
            path.write_bytes(text.encode("utf-8"))
            print(f"{path}: rewritten (byte-order mark, line ends or Unicode form)")
            status = max(status, 1)
    return status


def _schemas(args) -> int:
    for path in write_schemas(args.out_dir):
        print(f"wrote {path}")
    return 0


def _new(args) -> int:
    try:
        path = new_page(args.docs, args.kind, args.name, args.region, args.sources, args.jurisdiction)
    except ValueError as error:
        print(error, file=sys.stderr)
        return 2
    print(f"wrote {path}")
    rel = path.relative_to(args.docs).as_posix()
    remaining = [problem for problem in check(args.docs)[1] if problem.file in (rel, rel.removesuffix(".md") + ".txt")]
    if remaining:
        print("still to fill in before it can be published:")
        for problem in remaining:
            print(f"  {problem}")
    return 0


def _check(args) -> int:
    docs = args.docs_dir or args.docs
    site, problems = check(docs, args.site_url)
    for problem in problems:
        print(problem.as_github(Path(docs).as_posix()) if args.format == "github" else problem)
    if args.exceptions:
        marked = exceptions(site)
        print(f"{len(marked)} paragraph(s) marked as needing no citation:")
        for entry in marked:
            print(f"  {entry.file}:{entry.line}: {entry.reason}")
    for line in coverage_summary(site):
        print(line)
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
