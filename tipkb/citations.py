"""Pinpoint citations: every fact is traced to the paragraphs of a source.

A citation is a footnote whose definition links paragraphs of a source page,
`[¶ 15](../sources/state-dedicated-prosecution-units.md#p15)`. This module
reads them from each body's parse and refuses what cannot be traced: a
paragraph that does not exist, a source cited with no paragraph, a paragraph
or list item of a country, practice or statute page with no citation (unless
marked `<!-- uncited: reason -->`), a quotation that the cited paragraphs do
not contain, a translation citing other paragraphs than its English page,
and practice pages and country front matter that disagree. It also counts
which paragraphs of each source the knowledge base cites (coverage).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from urllib.parse import urlsplit

from tipkb.body import Block
from tipkb.problems import Problem
from tipkb.site import Document, Site, linked
from tipkb.sourcetext import MARK, anchor, number_of

CITING_KINDS = ("countries", "practices", "statutes")  # pages whose every paragraph needs a citation
Cited = frozenset[tuple[str, str]]  # (source id, paragraph number)


@dataclass(frozen=True)
class Uncited:
    """A paragraph marked as needing no citation, with the editor's reason."""

    file: str
    line: int
    reason: str


def cited_by_footnote(site: Site, doc: Document) -> dict[str, Cited]:
    """For each footnote label of `doc`, the (source, paragraph) pairs it links; a source linked
    with no paragraph counts as (source, '') (reported once, by _footnote_links). Computed once
    per document of a loaded tree: the checks, the coverage and the rendered footnotes read it."""
    known = site.derived.setdefault("citations", {})
    if doc.rel not in known:
        found = {}
        for label, footnote in doc.parsed.footnotes.items():
            pairs = {(source, number_of(urlsplit(link.target).fragment) or "")
                     for link in footnote.links if (source := _source_of(site, doc.rel, link.target)) is not None}
            found[label] = frozenset(pairs)
        known[doc.rel] = found
    return known[doc.rel]


def _source_of(site: Site, rel: str, target: str) -> str | None:
    """The source id a link from the page at `rel` points to, or None when it points elsewhere."""
    page = linked(site, rel, target)
    return page.id if page is not None and page.kind == "sources" else None


def check_citations(site: Site) -> list[Problem]:
    problems = _texts_and_pages(site)
    cites = {doc.rel: cited_by_footnote(site, doc) for doc in site.documents}
    for doc in site.documents:
        problems += _footnote_links(site, doc)
        problems += _references(doc)
        if doc.kind in CITING_KINDS:
            problems += _uncited_blocks(doc, cites[doc.rel])
        if not doc.is_translation:
            problems += _quotations(site, doc, cites[doc.rel])
        elif site.get(doc.norm_rel) is not None and site.get(doc.norm_rel).readable:
            problems += _same_as_english(site, doc, site.get(doc.norm_rel), cites)
    problems += _practices_agree(site)
    return problems


def _texts_and_pages(site: Site) -> list[Problem]:
    """Every source page has its text, and every text its page."""
    pages = {doc.id for doc in site.documents if doc.kind == "sources" and not doc.is_translation}
    problems = [Problem(f"sources/{source}.md", None, None, f"the source has no text: docs/sources/{source}.txt is missing",
                        "add the document's text in numbered paragraphs (see CONTRIBUTING.md, 'Sources')")
                for source in sorted(pages - site.texts.keys())]
    problems += [Problem(site.texts[source].rel, None, None, f"there is no source page docs/sources/{source}.md for this text",
                         "create the source page, or name the text after an existing source page")
                 for source in sorted(site.texts.keys() - pages)]
    return problems


def _footnote_links(site: Site, doc: Document) -> list[Problem]:
    """Each link to a source inside a footnote names a paragraph, as '¶ N' (that the paragraph exists is
    checked with every link, in links.py)."""
    problems = []
    for footnote in doc.parsed.footnotes.values():
        for link in footnote.links:
            source = _source_of(site, doc.rel, link.target)
            if source is None:
                continue
            fragment = urlsplit(link.target).fragment
            number = number_of(fragment)
            if number is None:
                hint = f"link the paragraph: [{MARK} 3]({link.target.split('#')[0]}#{anchor('3')}); the numbers are in docs/sources/{source}.txt"
                problems.append(Problem(doc.rel, link.line, None, f"[^{footnote.label}] cites {source} with no paragraph", hint))
            elif link.text.strip() != f"{MARK} {number}":  # a paragraph that does not exist: links.py
                problems.append(Problem(doc.rel, link.line, None, f"the link to {MARK} {number} of {source} reads '{link.text}'",
                                        f"write it as [{MARK} {number}]({link.target}) so readers see the paragraph it opens"))
    return problems


def _references(doc: Document) -> list[Problem]:
    parsed = doc.parsed
    problems = [Problem(doc.rel, line, None, f"footnote [^{label}] has no definition",
                        f"add a line '[^{label}]: ...' at the end of the page, or correct the label")
                for line, label in parsed.undefined]
    used = {label for _, label in parsed.references}
    problems += [Problem(doc.rel, footnote.line, None, f"footnote [^{label}] is defined but never used",
                         "cite it from the sentence it supports, or delete the definition")
                 for label, footnote in parsed.footnotes.items() if label not in used]
    return problems


def _uncited_blocks(doc: Document, cited: dict[str, Cited]) -> list[Problem]:
    citing = {label for label, pairs in cited.items() if pairs}
    problems = []
    for block in doc.parsed.blocks:
        if block.link_only or block.uncited is not None or any(label in citing for _, label in block.refs):
            continue
        problems.append(Problem(doc.rel, block.line, None, f"no citation: '{_excerpt(block.text)}'",
                                f"end the sentence with a footnote that links the source paragraph ([{MARK} N](../sources/ID.md#pN)),"
                                " or mark it '<!-- uncited: reason -->' if it states no fact"))
    return problems


def _excerpt(text: str, length: int = 60) -> str:
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"


def normalize(text: str) -> str:
    """Text as quotations are compared: Unicode NFKC, straight quotes and apostrophes, one space, lower case."""
    text = unicodedata.normalize("NFKC", text)
    for curly, straight in (("“", '"'), ("”", '"'), ("‘", "'"), ("’", "'"), ("«", '"'), ("»", '"')):
        text = text.replace(curly, straight)
    return " ".join(text.split()).casefold()


def _quotations(site: Site, doc: Document, cited: dict[str, Cited]) -> list[Problem]:
    problems = []
    for block in doc.parsed.blocks:
        for quote in block.quotes:
            pairs = _citation_of(block, quote.position, cited)
            if not pairs:
                continue
            passages = [normalize(site.texts[s].paragraphs[n].text) for s, n in pairs
                        if s in site.texts and n in site.texts[s].paragraphs]
            parts = [normalize(part) for part in quote.text.replace("…", "...").split("...") if part.strip()]
            if passages and not all(any(part in passage for passage in passages) for part in parts):
                where = ", ".join(f"{s} {MARK} {n}" for s, n in sorted(pairs))
                problems.append(Problem(doc.rel, block.line, None, f"the quotation \"{_excerpt(quote.text)}\" is not in {where}",
                                        "quote the cited paragraph word for word, cite the paragraph it comes from, or paraphrase without quotation marks"))
    return problems


def _citation_of(block: Block, position: int, cited: dict[str, Cited]) -> Cited:
    """The paragraphs cited for a quotation ending at `position`: those of the first run of footnote
    references after it in its block (a quotation with none after it has no citation to check)."""
    after = [(offset, label) for offset, label in block.refs if offset >= position]
    chosen = [label for offset, label in after if offset == after[0][0]] if after else []
    return frozenset(pair for label in chosen for pair in cited.get(label, ()))


def _same_as_english(site: Site, doc: Document, english: Document, cites: dict[str, dict[str, Cited]]) -> list[Problem]:
    ours, theirs = cites[doc.rel], cites[english.rel]
    problems = []
    for label in sorted(ours.keys() | theirs.keys()):
        if ours.get(label) == theirs.get(label) or not _valid(site, ours.get(label, ())) or not _valid(site, theirs.get(label, ())):
            continue  # equal, or a citation of a paragraph that does not exist (reported by _footnote_links)
        line = doc.parsed.footnotes[label].line if label in doc.parsed.footnotes else None
        if label not in ours:
            message, hint = f"footnote [^{label}] of {english.rel} is missing", "translate it with the same label and the same paragraph links"
        elif label not in theirs:
            message, hint = f"footnote [^{label}] is not in {english.rel}", "use the English page's footnote labels"
        else:
            message = f"[^{label}] cites {_pairs(ours[label])}, the English page {_pairs(theirs[label])}"
            hint = "cite the same paragraphs as the English page"
        problems.append(Problem(doc.rel, line, None, message, hint))
    return problems


def _valid(site: Site, pairs: Cited) -> bool:
    return all(source not in site.texts or number in site.texts[source].paragraphs for source, number in pairs)


def _pairs(pairs: Cited) -> str:
    return ", ".join(f"{source} {MARK} {number}" for source, number in sorted(pairs)) or "no paragraph"


def _practices_agree(site: Site) -> list[Problem]:
    """A practice page that links a country names a country applying it, so the country lists it; and
    a country page that links a practice applies it."""
    problems = []
    known = set(site.ids("practices"))
    for doc in site.pages("practices") + site.pages("countries"):
        if doc.kind == "countries" and not known.issuperset(doc.model.practices):
            continue  # an unknown practice id is reported by the reference check; its intent is unclear
        other_kind = "countries" if doc.kind == "practices" else "practices"
        for link in doc.parsed.links:
            linked = _linked_page(site, doc, link.target, other_kind)
            if linked is None:
                continue
            country, practice = (linked, doc) if doc.kind == "practices" else (doc, linked)
            if practice.id not in country.model.practices and known.issuperset(country.model.practices):
                problems.append(Problem(doc.rel, link.line, None,
                                        f"names {country.id} with the practice {practice.id}, but {country.rel} does not list it",
                                        f"add {practice.id} to 'practices:' in {country.rel}, or do not link the page here"))
    return problems


def _linked_page(site: Site, doc: Document, target: str, kind: str) -> Document | None:
    page = linked(site, doc.rel, target)
    return page if page is not None and page.kind == kind and page.model is not None else None


def exceptions(site: Site) -> list[Uncited]:
    """Every paragraph marked as needing no citation."""
    return [Uncited(doc.rel, block.line, block.uncited)
            for doc in site.documents if doc.kind in CITING_KINDS
            for block in doc.parsed.blocks if block.uncited is not None]


@dataclass(frozen=True)
class Coverage:
    source: str
    cited: dict[str, list[str]]  # paragraph number -> English pages (docs paths) citing it
    total: int

    @property
    def share(self) -> float:
        return sum(1 for pages in self.cited.values() if pages) / self.total if self.total else 1.0

    @property
    def count(self) -> int:
        return sum(1 for pages in self.cited.values() if pages)


def coverage(site: Site) -> list[Coverage]:
    """Per source, which of its paragraphs the English pages cite (computed once per loaded tree)."""
    if "coverage" not in site.derived:
        site.derived["coverage"] = _coverage(site)
    return site.derived["coverage"]


def _coverage(site: Site) -> list[Coverage]:
    citing: dict[tuple[str, str], set[str]] = {}
    for doc in site.documents:
        if doc.is_translation:
            continue
        for pairs in cited_by_footnote(site, doc).values():
            for pair in pairs:
                citing.setdefault(pair, set()).add(doc.norm_rel)
    return [Coverage(source, {n: sorted(citing.get((source, n), ())) for n in text.paragraphs}, len(text.paragraphs))
            for source, text in sorted(site.texts.items())]


def coverage_summary(site: Site) -> list[str]:
    """Lines for make check and make build: per source, then in total."""
    rows = coverage(site)
    lines = [f"  {row.source}: {row.count} of {row.total} paragraphs cited ({row.share:.0%})" for row in rows]
    cited, total = sum(row.count for row in rows), sum(row.total for row in rows)
    share = cited / total if total else 1.0
    return [f"sources: {cited} of {total} paragraphs cited ({share:.0%})"] + lines
