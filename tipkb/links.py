"""Check the links in each document's Markdown body: relative links must reach a
page or file inside docs/, #anchors must exist, and links to the site's own
host must be relative.

Links and anchors come from the one parse of each body (tipkb/body.py), whose
anchors use the same slugify function as the site's toc (pymdownx.slugs,
lowercase), so Unicode headings keep meaningful anchors.
"""

from __future__ import annotations

import posixpath
from urllib.parse import unquote, urlsplit

from tipkb.languages import DEFAULT_LANGUAGE, LANGUAGE_CODES
from tipkb.problems import Problem, did_you_mean
from tipkb.site import Document, Site
from tipkb.sourcetext import number_of

EXTERNAL = ("http://", "https://", "mailto:", "tel:")


def check_links(site: Site, site_host: str | None) -> list[Problem]:
    problems: list[Problem] = []
    for doc in site.documents:
        for link in doc.parsed.links:
            problem = _check(site, doc, link.target, site_host)
            if problem:
                problems.append(Problem(doc.rel, link.line, None, *problem))
    return problems


def shown_in(site: Site, doc: Document) -> list[str]:
    """The languages whose builds show this document: its own, plus those it stands in for."""
    if doc.is_translation:
        return [doc.lang]
    return [lang for lang in LANGUAGE_CODES if lang == DEFAULT_LANGUAGE or site.get(doc.norm_rel, lang) is None]


def _check(site: Site, doc: Document, target: str, site_host: str | None) -> tuple[str, str | None] | None:
    parts = urlsplit(target)
    if target.startswith(EXTERNAL):
        if site_host and parts.hostname == site_host:
            return f"link to the site's own host: {target}", "link to the page's .md file with a relative path instead"
        return None
    if parts.scheme:
        return None  # unsafe schemes are reported by the safety check
    if not parts.path:
        return _anchor(site, doc, doc, parts.fragment)
    path = posixpath.normpath(posixpath.join(posixpath.dirname(doc.rel), unquote(parts.path)))
    if path.startswith("../") or path == ".." or parts.path.startswith("/"):
        return f"link '{target}' leaves docs/", "link only to pages and files inside docs/, with a relative path"
    if path.endswith(".md") or target.endswith("/"):
        norm = path if path.endswith(".md") else posixpath.join(path, "index.md")
        linked = site.get(norm)
        if linked is None:
            known = [d.norm_rel for d in site.documents if not d.is_translation]
            return f"broken link '{target}': there is no page {norm}", did_you_mean(norm, known, cutoff=0.85)
        return _anchor(site, doc, linked, parts.fragment)
    if path not in site.assets:
        return f"broken link '{target}': there is no file {path}", did_you_mean(path, site.assets, cutoff=0.85)
    return None


def _anchor(site: Site, doc: Document, linked: Document, fragment: str) -> tuple[str, str | None] | None:
    """Check the #fragment in every language that shows `doc`, against that language's `linked`."""
    if not fragment or fragment.startswith("fn"):
        return None
    number = number_of(fragment) if linked.kind == "sources" else None
    if number is not None:  # a paragraph of the source's text (docs/sources/ID.txt)
        text = site.texts.get(linked.id)
        if text is None or number in text.paragraphs:
            return None  # a missing text is reported by tipkb/citations.py
        numbers = list(text.paragraphs)
        size = f"{text.id} has {len(numbers)} paragraphs (¶ {numbers[0]} to ¶ {numbers[-1]})" if numbers else f"{text.id} has no paragraphs"
        return f"¶ {number}: {size}", did_you_mean(number, numbers, cutoff=0.5) or f"the numbers are in docs/sources/{text.id}.txt"
    for lang in shown_in(site, doc):
        version = site.in_language(linked, lang)
        if not version.readable:
            continue  # its own problem is reported
        if fragment in version.parsed.anchors:
            continue
        if version.is_translation:
            return (f"there is no heading '#{fragment}' in {version.rel}, which the {lang} site links to",
                    f"keep the English anchor on the translated heading: '## ... {{#{fragment}}}'")
        return f"there is no heading '#{fragment}' in {version.rel}", did_you_mean(fragment, version.parsed.anchors)
    return None
