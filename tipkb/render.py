"""Turn a page's Markdown into what the site shows: notices for translations
and untranslated pages, facts boxes, backlinks and index placeholders, all in
the language being built."""

from __future__ import annotations

import re

from tipkb import generate
from tipkb.languages import DEFAULT_LANGUAGE
from tipkb.links import body_lines
from tipkb.problems import Problem, did_you_mean
from tipkb.site import Site
from tipkb.strings import text
from tipkb.translations import is_outdated

PLACEHOLDER = re.compile(r"<!--\s*kb:([a-z-]+)\s*-->")


def _notice(kind: str, title: str, body: str) -> str:
    indented = "\n".join("    " + line for line in body.split("\n"))
    return f'!!! {kind} "{title}"\n\n{indented}\n\n'


def render_page(site: Site, norm_rel: str, lang: str, markdown: str, english_url: str | None = None) -> str:
    """The Markdown to render for the page at `norm_rel` in a `lang` build.

    `markdown` is the body being built (a translation's, or the English page's
    when it falls back); `english_url` links the English original from a
    translation's courtesy notice.
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
                head += _notice("warning kb-outdated", text("outdated_title", lang), text("outdated_body", lang, url=english_url or ""))
            head += _notice("info kb-courtesy", text("courtesy_title", lang), text("courtesy_body", lang, url=english_url or ""))
    if doc.model is not None:
        if doc.kind == "countries":
            head += generate.facts_box(site, doc, lang)
        elif doc.kind == "statutes":
            head += generate.statute_facts(site, doc, lang)
        elif doc.kind == "sources":
            head += generate.source_facts(site, doc, lang)
        if doc.kind in ("practices", "statutes", "sources"):
            tail = generate.backlinks_section(site, doc, lang)
    body = PLACEHOLDER.sub(lambda m: generate.PLACEHOLDERS[m.group(1)](site, norm_rel, lang), markdown)
    return head + body + tail


def check_placeholders(site: Site) -> list[Problem]:
    """Problems for placeholders that name nothing the generator knows."""
    problems = []
    for doc in site.documents:
        for line, content in body_lines(doc):
            for match in PLACEHOLDER.finditer(content):
                if match.group(1) not in generate.PLACEHOLDERS:
                    problems.append(Problem(doc.rel, line, None, f"unknown placeholder '{match.group(0)}'",
                                            did_you_mean(match.group(1), generate.PLACEHOLDERS)
                                            or "placeholders: " + ", ".join(generate.PLACEHOLDERS)))
    return problems
