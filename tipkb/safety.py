"""Keep script and embedded content off the site.

Editors' Markdown may not carry script, frames, plugins, forms, event-handler
attributes, styles that load URLs, or javascript:/vbscript:/data: links. The
same rules run twice: over each page's Markdown source (with the file and
line), and over the HTML each page renders to, which catches what Markdown
extensions (attribute lists, for one) could let through. External links get
rel="noopener noreferrer".
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from tipkb.problems import Problem
from tipkb.site import Site

UNSAFE_TAGS = {"script", "iframe", "frame", "frameset", "object", "embed", "applet", "form", "input", "button",
               "textarea", "select", "base", "link", "meta", "style", "svg", "math", "template", "portal"}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "srcset", "poster", "data", "background"}
UNSAFE_SCHEMES = ("javascript:", "vbscript:", "data:")
STYLE_LOADS = re.compile(r"url\s*\(|expression\s*\(|@import|behavior\s*:", re.I)
ATTR_LIST_HANDLER = re.compile(r"\{[^}]*\bon[a-z]+\s*=", re.I)
EXTERNAL_LINK = re.compile(r"<a\b([^>]*\bhref=\"https?://[^\"]*\"[^>]*)>", re.I)
HINT = "pages may hold text, links and images only; remove it"


def unsafe_scheme(url: str) -> bool:
    cleaned = re.sub(r"[\x00-\x20]", "", url).lower()
    return cleaned.startswith(UNSAFE_SCHEMES)


class _Scanner(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[int, str]] = []

    def _report(self, message: str) -> None:
        self.found.append((self.getpos()[0], message))

    def handle_starttag(self, tag, attrs):
        if tag in UNSAFE_TAGS:
            self._report(f"unsafe HTML: <{tag}>")
        for name, value in attrs:
            value = value or ""
            if name.startswith("on"):
                self._report(f"unsafe HTML: event handler {name}= on <{tag}>")
            elif name == "style" and STYLE_LOADS.search(value):
                self._report(f"unsafe HTML: a style on <{tag}> that loads a URL")
            elif name in URL_ATTRIBUTES and unsafe_scheme(value):
                self._report(f"unsafe link: {name}=\"{value[:40]}\" on <{tag}>")

    handle_startendtag = handle_starttag


def scan_html(html: str) -> list[tuple[int, str]]:
    """(line, what is unsafe) for each unsafe construct in an HTML fragment."""
    scanner = _Scanner()
    scanner.feed(html)
    scanner.close()
    return scanner.found


def check_safety(site: Site) -> list[Problem]:
    """Unsafe HTML, attributes and links in every document's Markdown source."""
    problems = []
    for doc in site.documents:
        parsed = doc.parsed
        for line, html in parsed.html:
            for offset, message in scan_html(html):
                problems.append(Problem(doc.rel, line + offset - 1, None, message, HINT))
        for line, name in parsed.attributes:
            if name.lower().startswith("on"):
                problems.append(Problem(doc.rel, line, None, "unsafe attribute: an event handler in { }", HINT))
        for line, text in parsed.texts:
            if ATTR_LIST_HANDLER.search(text):  # Python-Markdown's block attribute lists stay text to CommonMark
                problems.append(Problem(doc.rel, line, None, "unsafe attribute: an event handler in { }", HINT))
        for link in parsed.links:
            if unsafe_scheme(link.target):
                problems.append(Problem(doc.rel, link.line, None, f"unsafe link '{link.target[:40]}'",
                                        "link only to pages, files, http(s) and mailto addresses"))
    return problems


def harden_links(html: str) -> str:
    """Add rel="noopener noreferrer" to every external link."""
    def fix(match: re.Match) -> str:
        attrs = re.sub(r'\srel="[^"]*"', "", match.group(1))
        return f'<a{attrs} rel="noopener noreferrer">'
    return EXTERNAL_LINK.sub(fix, html)
