"""Generated Markdown: facts boxes, backlinks, the country directory, the
country x practice matrix and the statute and source indexes, each in the
requested language. Links are relative .md links, resolved by the site
generator to the same language's pages."""

from __future__ import annotations

import html

from babel.dates import format_date
from babel.numbers import format_decimal, format_percent

from tipkb import geography
from tipkb.citations import coverage
from tipkb.crossrefs import backlinks
from tipkb.languages import DEFAULT_LANGUAGE, language
from tipkb.site import Document, Site, link
from tipkb.sourcetext import MARK, SourceText, anchor
from tipkb.strings import text
from tipkb.translations import status


def _links(site: Site, here: str, docs: list[Document], lang: str, sep: str = " · ") -> str:
    if not docs:
        return text("none", lang, )
    return sep.join(f"[{site.title(d, lang)}]({link(here, d.norm_rel)})" for d in site.sorted_by_title(docs, lang))


def _pages(site: Site, kind: str, ids: list[str]) -> list[Document]:
    return [doc for doc in (site.page(kind, i) for i in ids) if doc is not None]


def _year(year: int, lang: str) -> str:
    return format_decimal(year, locale=lang, group_separator=False)


def _english(markdown: str, lang: str) -> str:
    """Front-matter prose, which is in English: marked so, and kept left-to-right in Urdu."""
    return markdown if lang == DEFAULT_LANGUAGE else f'<span lang="en" dir="ltr">{markdown}</span>'


def facts_box(site: Site, doc: Document, lang: str) -> str:
    country = doc.model
    here = doc.norm_rel
    units = [
        _english(f"**{unit.name}** ({unit.parent})", lang)
        + (f", {text('established', lang, year=_year(unit.established, lang))}" if unit.established else "")
        + ": " + _english(unit.covers, lang)
        for unit in country.units
    ] or [text("none", lang)]
    rows = [
        (text("iso_code", lang), [country.iso3]),
        (text("region", lang), [geography.region_name(country.region, lang)]),
        (text("units", lang), units),
        (text("practices", lang), [_links(site, here, _pages(site, "practices", country.practices), lang)]),
        (text("statutes", lang), [_links(site, here, _pages(site, "statutes", country.statutes), lang)]),
        (text("related", lang), [_links(site, here, _pages(site, "countries", country.related), lang)]),
        (text("sources", lang), [_links(site, here, _pages(site, "sources", country.sources), lang)]),
        (text("last_reviewed", lang), [format_date(country.last_reviewed, format="long", locale=lang)]),
    ]
    lines = ['<div class="kb-facts" markdown>', "", f'<p class="kb-facts__title">{text("facts_title", lang)}</p>', ""]
    for term, definitions in rows:
        lines.append(term)
        lines += [f":   {definition}" for definition in definitions]
        lines.append("")
    lines += ["</div>", ""]
    return "\n".join(lines)


def backlinks_section(site: Site, doc: Document, lang: str) -> str:
    found = backlinks(site, doc)
    if doc.kind == "practices":
        heading, groups = text("applied_by", lang), [(None, found.get("countries", []))]
    else:
        heading = text("cited_by", lang)
        groups = [(text(kind, lang), found.get(kind, [])) for kind in ("countries", "practices", "statutes")]
    lines = ["", f"## {heading}", ""]
    groups = [(title, docs) for title, docs in groups if docs]
    for title, docs in groups:
        if title and len(groups) > 1:
            lines += [f"**{title}**", ""]
        lines += [f"- [{site.title(d, lang)}]({link(doc.norm_rel, d.norm_rel)})" for d in site.sorted_by_title(docs, lang)]
        lines.append("")
    if not groups:
        lines += [text("none", lang), ""]
    return "\n".join(lines)


def _by_region(site: Site) -> list[tuple[str, list[Document]]]:
    regions: dict[str, list[Document]] = {}
    for doc in site.pages("countries"):
        regions.setdefault(doc.model.region, []).append(doc)
    return sorted(regions.items(), key=lambda item: geography.region_order(item[0]))


def country_directory(site: Site, here: str, lang: str) -> str:
    lines = []
    for region, docs in _by_region(site):
        lines += [f"## {geography.region_name(region, lang)}", ""]
        lines += [f"- [{site.title(d, lang)}]({link(here, d.norm_rel)})" for d in site.sorted_by_title(docs, lang)]
        lines.append("")
    return "\n".join(lines)


def countries_by_region(site: Site, here: str, lang: str) -> str:
    """A compact directory: one line per region."""
    return "\n".join(
        f"- **{geography.region_name(region, lang)}:** {_links(site, here, docs, lang, sep=', ')}"
        for region, docs in _by_region(site)
    ) + "\n"


def _practices_in_order(site: Site, lang: str) -> list[Document]:
    docs = site.pages("practices")
    return sorted(docs, key=lambda d: (not d.model.hallmark, site.title(d, lang).casefold()))


def practice_list(site: Site, here: str, lang: str) -> str:
    docs = site.pages("practices")
    hallmarks = [d for d in docs if d.model.hallmark]
    others = [d for d in docs if not d.model.hallmark]
    lines = [f"## {text('hallmarks', lang)}", ""]
    lines += [f"- [{site.title(d, lang)}]({link(here, d.norm_rel)})" for d in site.sorted_by_title(hallmarks, lang)]
    lines += ["", f"## {text('other_practices', lang)}", ""]
    lines += [f"- [{site.title(d, lang)}]({link(here, d.norm_rel)})" for d in site.sorted_by_title(others, lang)]
    return "\n".join(lines) + "\n"


def hallmark_list(site: Site, here: str, lang: str) -> str:
    hallmarks = [d for d in site.pages("practices") if d.model.hallmark]
    return "\n".join(f"- [{site.title(d, lang)}]({link(here, d.norm_rel)})" for d in site.sorted_by_title(hallmarks, lang)) + "\n"


def practice_matrix(site: Site, here: str, lang: str) -> str:
    practices = _practices_in_order(site, lang)
    lines = [f"## {text('matrix_title', lang)}", "", text("matrix_intro", lang), ""]
    lines += [f"{n}. [{site.title(p, lang)}]({link(here, p.norm_rel)})" for n, p in enumerate(practices, 1)]
    lines.append("")
    header = [text("country", lang)] + [
        f'[{format_decimal(n, locale=lang)}]({link(here, p.norm_rel)} "{site.title(p, lang)}")' for n, p in enumerate(practices, 1)
    ]
    lines += ["| " + " | ".join(header) + " |", "|" + "---|" + ":-:|" * len(practices)]
    for country in site.sorted_by_title(site.pages("countries"), lang):
        cells = ["✓" if p.id in country.model.practices else "" for p in practices]
        lines.append(f"| [{site.title(country, lang)}]({link(here, country.norm_rel)}) | " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def statute_index(site: Site, here: str, lang: str) -> str:
    groups: dict[str, list[Document]] = {}
    for doc in site.pages("statutes"):
        groups.setdefault(doc.model.jurisdiction, []).append(doc)

    def group_title(jurisdiction: str) -> str:
        country = site.page("countries", jurisdiction)
        return text("international", lang) if country is None else site.title(country, lang)

    order = sorted(groups, key=lambda j: (j != "international", group_title(j).casefold()))
    lines = []
    for jurisdiction in order:
        lines += [f"## {group_title(jurisdiction)}", ""]
        for doc in site.sorted_by_title(groups[jurisdiction], lang):
            subjects = ", ".join(text(f"subject.{s}", lang) for s in doc.model.subjects)
            lines.append(f"- [{site.title(doc, lang)}]({link(here, doc.norm_rel)}): {doc.model.citation} ({subjects})")
        lines.append("")
    return "\n".join(lines)


def source_index(site: Site, here: str, lang: str) -> str:
    lines = []
    for doc in site.sorted_by_title(site.pages("sources"), lang):
        lines.append(f"- [{site.title(doc, lang)}]({link(here, doc.norm_rel)}): {doc.model.publisher}; {doc.model.date}")
    return "\n".join(lines) + "\n"


def recent_reviews(site: Site, here: str, lang: str, count: int = 5) -> str:
    docs = sorted(site.pages("countries"), key=lambda d: (d.model.last_reviewed, d.id), reverse=True)[:count]
    return "\n".join(
        f"- [{site.title(d, lang)}]({link(here, d.norm_rel)}): {format_date(d.model.last_reviewed, format='long', locale=lang)}"
        for d in docs
    ) + "\n"


def source_facts(site: Site, doc: Document, lang: str) -> str:
    return (f"**{text('publisher', lang)}:** {doc.model.publisher}  \n"
            f"**{text('date_as_stated', lang)}:** {doc.model.date}\n\n")


MARKDOWN_SPECIAL = str.maketrans({ch: "\\" + ch for ch in "\\`*_{}[]()#+-.!|~>"} | {"<": "&lt;", "&": "&amp;"})


def escape(text: str) -> str:
    """Plain text as Markdown that renders to the same text."""
    return text.translate(MARKDOWN_SPECIAL)


def source_text(site: Site, doc: Document, lang: str) -> str:
    """A source page's full text: each paragraph with its anchor (#p12), its number, and the
    pages that cite it (or a mark that none does); headings and page furniture as such."""
    document = site.texts.get(doc.id)
    if document is None:
        return ""
    cited = next((row.cited for row in coverage(site) if row.source == doc.id), {})
    lines = ["", f"## {text('source_text_title', lang)} {{#full-text}}", "", text("source_text_intro", lang), ""]
    exclude = ""
    if lang != DEFAULT_LANGUAGE:  # the English text stays out of the other languages' search indexes
        lines += [text("source_text_english", lang), ""]
        exclude = " data-search-exclude"
    for block in document.blocks:
        english = f'<div class="kb-para__text" lang="en" dir="ltr" markdown>\n\n{{number}}{escape(block.text)}\n\n</div>'
        if block.kind == "heading":
            lines += [f'<div class="kb-source-heading" lang="en" dir="ltr"{exclude} markdown>\n\n**{escape(block.text)}**\n\n</div>', ""]
        elif block.kind == "furniture":
            lines += [f'<div class="kb-para kb-para--furniture"{exclude} markdown>', "", text("furniture", lang), "",
                      english.format(number=""), "", "</div>", ""]
        else:
            pages = [site.get(rel) for rel in cited.get(block.number, [])]
            state = "" if pages else " kb-para--uncited"
            number = f"[{MARK} {block.number}](#{anchor(block.number)}){{ .kb-para__number }} "
            by = (f"{text('paragraph_cited_by', lang)} " + _links(site, doc.norm_rel, pages, lang)) if pages \
                else f"**{text('paragraph_uncited', lang)}**"
            lines += [f'<div class="kb-para{state}" id="{anchor(block.number)}"{exclude} markdown>', "", english.format(number=number), "",
                      f'<div class="kb-para__cited" markdown>\n\n{by}\n\n</div>', "", "</div>", ""]
    return "\n".join(lines) + "\n"


def passage(document: SourceText, number: str, lang: str) -> str:
    """A cited paragraph as HTML, to quote inside its footnote: on translated pages a label in the
    reader's language, then the English text as a left-to-right block; left out of the search
    index, which holds the text once, on the source page."""
    label = text("passage_english", lang)
    head = f"<p><em>{html.escape(label)}</em></p>" if label else ""
    body = f'<p lang="en" dir="ltr">{MARK}&nbsp;{number}: {html.escape(document.paragraphs[number].text)}</p>'
    return f'<blockquote class="kb-passage" data-search-exclude>{head}{body}</blockquote>'


def source_coverage(site: Site, here: str, lang: str) -> str:
    """The Sources index's table: per source, how many of its paragraphs the pages cite."""
    rows = coverage(site)
    columns = [text(key, lang) for key in ("coverage_source", "coverage_cited", "coverage_total", "coverage_share")]
    lines = [text("coverage_intro", lang), "", "| " + " | ".join(columns) + " |", "|---|--:|--:|--:|"]
    for row in rows:
        source = site.page("sources", row.source)
        name = f"[{site.title(source, lang)}]({link(here, source.norm_rel)})" if source else row.source
        lines.append(f"| {name} | {format_decimal(row.count, locale=lang)} | {format_decimal(row.total, locale=lang)} | {format_percent(row.share, locale=lang)} |")
    cited, total = sum(row.count for row in rows), sum(row.total for row in rows)
    lines.append(f"| **{text('coverage_total_row', lang)}** | {format_decimal(cited, locale=lang)} | {format_decimal(total, locale=lang)}"
                 f" | {format_percent(cited / total if total else 1, locale=lang)} |")
    return "\n".join(lines) + "\n"


def statute_facts(site: Site, doc: Document, lang: str) -> str:
    country = site.page("countries", doc.model.jurisdiction)
    jurisdiction = text("international", lang) if country is None else f"[{site.title(country, lang)}]({link(doc.norm_rel, country.norm_rel)})"
    subjects = ", ".join(text(f"subject.{s}", lang) for s in doc.model.subjects)
    return (f"**{text('citation', lang)}:** {doc.model.citation}  \n"
            f"**{text('jurisdiction', lang)}:** {jurisdiction}  \n"
            f"**{text('subjects', lang)}:** {subjects}\n\n")


def translation_status(site: Site, here: str, lang: str) -> str:
    """Per language: counts, the share up to date, and the outdated and missing pages."""
    columns = [text(key, lang) for key in ("status_language", "status_translated", "status_outdated", "status_missing", "status_coverage")]
    lines = ["| " + " | ".join(columns) + " |", "|---|--:|--:|--:|--:|"]
    details = []
    for code, entry in status(site).items():
        name = language(code).name
        lines.append(f"| {name} | {format_decimal(len(entry.translated), locale=lang)} | {format_decimal(len(entry.outdated), locale=lang)}"
                     f" | {format_decimal(len(entry.missing), locale=lang)} | {format_percent(entry.coverage, locale=lang)} |")
        for key, rels in (("status_outdated", entry.outdated), ("status_missing", entry.missing)):
            if rels:
                pages = ", ".join(f"[{site.title(site.get(rel), code)}]({link(here, rel)})" for rel in rels)
                details.append(f"- **{name}, {text(key, lang).lower()}:** {pages}")
    return "\n".join(lines + [""] + details) + "\n"


# Placeholders an index page may hold, as <!-- kb:NAME -->, and what replaces them.
PLACEHOLDERS = {
    "country-directory": country_directory,
    "countries-by-region": countries_by_region,
    "practice-list": practice_list,
    "hallmarks": hallmark_list,
    "practice-matrix": practice_matrix,
    "statute-index": statute_index,
    "source-index": source_index,
    "recent-reviews": recent_reviews,
    "translation-status": translation_status,
    "source-coverage": source_coverage,
}
