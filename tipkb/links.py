"""Check the links in each document's Markdown body: relative links must reach a
page or file inside docs/, #anchors must exist, and links to the site's own
host must be relative.

Anchors are computed with the same slugify function the site's toc uses
(pymdownx.slugs, lowercase), so Unicode headings keep meaningful anchors.
"""

from __future__ import annotations

import posixpath
import re
from functools import cache
from urllib.parse import unquote, urlsplit

from pymdownx.slugs import slugify

from tipkb.languages import DEFAULT_LANGUAGE, LANGUAGE_CODES
from tipkb.problems import Problem, did_you_mean
from tipkb.site import Document, Site

SLUGIFY = slugify(case="lower")
FENCE = re.compile(r"^\s*(```|~~~)")
INLINE_CODE = re.compile(r"`+[^`]*`+")
INLINE_LINK = re.compile(r"!?\[(?:[^\[\]]|\[[^\]]*\])*\]\(\s*<?([^()\s<>]*(?:\([^()\s]*\))?[^()\s<>]*)>?(?:\s+[\"'][^\"']*[\"'])?\s*\)")
REFERENCE = re.compile(r"^\s{0,3}\[(?!\^)[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)")
HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
ATTR_ID = re.compile(r"\s*\{:?[^}]*#([\w-]+)[^}]*\}\s*$")
EXTERNAL = ("http://", "https://", "mailto:", "tel:")


# Several checks read each body; it is parsed once (keyed by its text, so an edited
# page in the preview is parsed again).
@cache
def _prose_lines(body: str, first_line: int) -> tuple[tuple[int, str], ...]:
    """(line number, text) of Markdown outside fenced code, inline code removed."""
    lines, fenced = [], False
    for offset, line in enumerate(body.split("\n")):
        if FENCE.match(line):
            fenced = not fenced
        elif not fenced:
            lines.append((first_line + offset, INLINE_CODE.sub("", line) if "`" in line else line))
    return tuple(lines)


def body_lines(doc: Document) -> tuple[tuple[int, str], ...]:
    """(line number, text) of a document's body outside code."""
    return _prose_lines(doc.body, doc.body_line)


@cache
def _link_targets(body: str, first_line: int) -> tuple[tuple[int, str], ...]:
    found = []
    for number, line in _prose_lines(body, first_line):
        if "](" in line:
            found += [(number, match.group(1)) for match in INLINE_LINK.finditer(line)]
        if "]:" in line and (match := REFERENCE.match(line)):
            found.append((number, match.group(1)))
    return tuple(found)


def link_targets(doc: Document) -> tuple[tuple[int, str], ...]:
    """(line, target) for every Markdown link and image in the body."""
    return _link_targets(doc.body, doc.body_line)


def _heading_text(text: str) -> str:
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", text)
    return re.sub(r"[*_`]", "", text).strip()


@cache
def _anchors(body: str, body_line: int) -> frozenset[str]:
    found: set[str] = set()
    for _, line in _prose_lines(body, body_line):
        match = HEADING.match(line)
        if not match:
            continue
        title = match.group(2)
        explicit = ATTR_ID.search(title)
        if explicit:
            found.add(explicit.group(1))
            continue
        slug = SLUGIFY(_heading_text(title), "-")
        unique, n = slug, 0
        while unique in found:
            n += 1
            unique = f"{slug}_{n}"
        found.add(unique)
    return frozenset(found)


def anchors(doc: Document) -> frozenset[str]:
    return _anchors(doc.body, doc.body_line)


def check_links(site: Site, site_host: str | None) -> list[Problem]:
    problems: list[Problem] = []
    for doc in site.documents:
        for line, target in link_targets(doc):
            problem = _check(site, doc, target, site_host)
            if problem:
                problems.append(Problem(doc.rel, line, None, *problem))
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
    for lang in shown_in(site, doc):
        version = site.in_language(linked, lang)
        if fragment in anchors(version):
            continue
        if version.is_translation:
            return (f"there is no heading '#{fragment}' in {version.rel}, which the {lang} site links to",
                    f"keep the English anchor on the translated heading: '## ... {{#{fragment}}}'")
        return f"there is no heading '#{fragment}' in {version.rel}", did_you_mean(fragment, anchors(version))
    return None
