"""Turn a page's Markdown into what the site shows: notices for translations
and untranslated pages, facts boxes, backlinks and index placeholders, all in
the language being built."""

from __future__ import annotations

import re

from tipkb import generate
from tipkb.citations import cited_by_footnote
from tipkb.languages import DEFAULT_LANGUAGE
from tipkb.problems import Problem, did_you_mean
from tipkb.site import Site
from tipkb.strings import text
from tipkb.translations import is_outdated

PLACEHOLDER = re.compile(r"<!--\s*kb:([a-z-]+)\s*-->")
LINK = re.compile(r'<a href="">(.*?)</a>')


def _notice(kind: str, title: str, body: str) -> str:
    indented = "\n".join("    " + line for line in body.split("\n"))
    return f'!!! {kind} "{title}"\n\n{indented}\n\n'


def _english_link(key: str, lang: str, english_url: str | None) -> str:
    if english_url is None:
        return LINK.sub(r"\1", text(key, lang, url=""))
    return text(key, lang, url=english_url)


def render_page(site: Site, norm_rel: str, lang: str, markdown: str, english_url: str | None = None) -> str:
    """The Markdown to render for the page at `norm_rel` in a `lang` build.

    `markdown` is the body being built (a translation's, or the English page's
    when it falls back); `english_url` links the English original from a
    translation's notices (None where this language is published alone: the
    notices then name the English original without a link).
    """
    doc = site.get(norm_rel)
    if doc is None:
        return markdown
    head, tail = "", ""
    if lang != DEFAULT_LANGUAGE:
        if site.get(norm_rel, lang) is None:
            head += _notice("warning kb-untranslated", text("untranslated_title", lang), text("untranslated_body", lang))
        else:
            if is_outdated(site, site.get(norm_rel, lang)):
                head += _notice("warning kb-outdated", text("outdated_title", lang), _english_link("outdated_body", lang, english_url))
            head += _notice("info kb-courtesy", text("courtesy_title", lang), _english_link("courtesy_body", lang, english_url))
    if doc.model is not None:
        if doc.kind == "countries":
            head += generate.facts_box(site, doc, lang)
        elif doc.kind == "statutes":
            head += generate.statute_facts(site, doc, lang)
        elif doc.kind == "sources":
            head += generate.source_facts(site, doc, lang)
        if doc.kind == "sources":
            tail = generate.source_text(site, doc, lang)
        if doc.kind in ("practices", "statutes", "sources"):
            tail += generate.backlinks_section(site, doc, lang)
    body = PLACEHOLDER.sub(lambda m: generate.PLACEHOLDERS[m.group(1)](site, norm_rel, lang), markdown)
    return head + body + tail


def with_passages(site: Site, norm_rel: str, lang: str, html: str) -> str:
    """The rendered page with each cited paragraph quoted inside the footnote that cites it, so the
    footnote (its tooltip, or the list at the foot of the page without scripts) shows the passage.
    Added to the HTML, after Markdown: the text needs no Markdown processing, only escaping."""
    english = site.get(norm_rel)
    if english is None:
        return html
    doc = site.in_language(english, lang)
    for label, pairs in cited_by_footnote(site, doc).items():
        quotes = [generate.passage(site.texts[source], number, lang) for source, number in sorted(pairs, key=_order)
                  if source in site.texts and number in site.texts[source].paragraphs]
        start = html.find(f'<li id="fn:{label}">')
        end = html.find("</li>", start)
        if quotes and start != -1 and end != -1:
            html = html[:end] + "".join(quotes) + html[end:]
    return html


def _order(pair: tuple[str, str]) -> tuple[str, int, str]:
    source, number = pair
    digits = number.rstrip("abcdefghijklmnopqrstuvwxyz")
    return source, int(digits or 0), number


def check_placeholders(site: Site) -> list[Problem]:
    """Problems for placeholders that name nothing the generator knows."""
    problems = []
    for doc in site.documents:
        if "kb:" not in doc.body:
            continue
        for line, content in doc.parsed.html:
            for match in PLACEHOLDER.finditer(content):
                if match.group(1) not in generate.PLACEHOLDERS:
                    problems.append(Problem(doc.rel, line, None, f"unknown placeholder '{match.group(0)}'",
                                            did_you_mean(match.group(1), generate.PLACEHOLDERS)
                                            or "placeholders: " + ", ".join(generate.PLACEHOLDERS)))
    return problems
