"""Machine-readable exports: the content model as data/countries.json,
practices.json, statutes.json and sources.json, for reuse by others; which
paragraph of each source which page cites as source-coverage.json; every
external link as external-links.json; the translation status as
translation-status.json."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Callable

from tipkb.citations import coverage
from tipkb.sourcetext import anchor
from tipkb.languages import LANGUAGE_CODES
from tipkb.site import Site
from tipkb.translations import status_json

EXPORTS = {"countries": "countries.json", "practices": "practices.json", "statutes": "statutes.json", "sources": "sources.json"}


def records(site: Site, kind: str, url_for: Callable[[str], str]) -> list[dict]:
    """One record per English page of `kind`: its id, fields, titles per language and URL."""
    return [
        {
            "id": doc.id,
            **doc.model.model_dump(mode="json", exclude={"hide", "description"}),
            "titles": {lang: site.title(doc, lang) for lang in LANGUAGE_CODES},
            "translated": [lang for lang in LANGUAGE_CODES if site.get(doc.norm_rel, lang) is not None],
            "url": url_for(doc.norm_rel),
        }
        for doc in site.pages(kind)
    ]


def _write_json(path: Path, data) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return path


def write_translation_status(site: Site, path: Path) -> Path:
    return _write_json(path, status_json(site))


def external_links(site: Site) -> list[dict]:
    """Every http(s) link in the docs, with the pages that carry it."""
    found: dict[str, set[str]] = {}
    for doc in site.documents:
        for link in doc.parsed.links:
            if link.target.startswith(("http://", "https://")):
                found.setdefault(link.target, set()).add(doc.rel)
    return [{"url": url, "pages": sorted(pages)} for url, pages in sorted(found.items())]


def source_coverage(site: Site, url_for: Callable[[str], str]) -> list[dict]:
    """Per source: its paragraphs, each with the URLs of the English pages citing it."""
    return [
        {
            "source": row.source,
            "url": url_for(f"sources/{row.source}.md"),
            "cited": row.count,
            "paragraphs": row.total,
            "share": round(row.share, 4),
            "by_paragraph": [{"paragraph": number, "anchor": anchor(number), "cited_by": [url_for(rel) for rel in pages]}
                             for number, pages in row.cited.items()],
        }
        for row in coverage(site)
    ]


def write_exports(site: Site, out_dir: Path, url_for: Callable[[str], str]) -> list[Path]:
    """Write the exports into `out_dir`; `url_for` maps a docs path to its URL on the site."""
    written = [_write_json(out_dir / name, records(site, kind, url_for)) for kind, name in EXPORTS.items()]
    return written + [_write_json(out_dir / "source-coverage.json", source_coverage(site, url_for)),
                      _write_json(out_dir / "external-links.json", external_links(site))]
